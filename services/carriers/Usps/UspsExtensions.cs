using Microsoft.Extensions.Options;
using Refit;
using Shipping.Carriers.Http;
using Shipping.Carriers.Usps.Normalising;
using Shipping.Carriers.Usps.Tracking;
using Shipping.ServiceDefaults;

namespace Shipping.Carriers.Usps;

public static class UspsExtensions
{
    /// <summary>The USPS adapter: options, normaliser, Tracking v3r2 client, and polling within USPS's limits.</summary>
    public static WebApplicationBuilder AddUsps(this WebApplicationBuilder builder)
    {
        builder.AddCarrierAdapter(UspsOptions.Carrier, UspsOptions.DisplayName);
        builder.Services.AddUspsTracking(builder.Configuration);
        builder.AddCarrierPolling<WebApplicationBuilder, UspsTracker>(UspsOptions.Section, polling =>
        {
            // The specs document no rate (only 429 with Retry-After, which the poller waits out). USPS sets a quota per
            // developer app; an operator whose quota is lower sets Carriers:Usps:Polling:CallsPerSecond to match it.
            polling.CallsPerSecond = 1;
            polling.MaxFetchesPerShipmentPerDay = 12;
        });
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>
    /// Everything a lookup needs, without the bus and database: the options, the normaliser, and the Refit client
    /// authenticated with an OAuth2 client-credentials token (<c>POST /oauth2/v3/token</c>, credentials as form fields).
    /// </summary>
    public static IServiceCollection AddUspsTracking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UspsOptions>().Bind(configuration.GetSection(UspsOptions.Section))
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), $"{UspsOptions.Section}:BaseUrl must be an absolute URL, such as https://apis.usps.com.")
            .ValidateOnStart();
        services.AddSingleton<UspsNormaliser>();
        services.AddSingleton<UspsTracker>();

        services.AddRefitGeneratedClient<IUspsTrackingApi>(UspsJsonContext.Default)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = BaseUrl(sp))
            // Tracking v3r2's POST only reads: retried like a GET.
            .RetryingEveryMethod()
            .AddClientCredentialsToken(BaseUrl, sp =>
            {
                var options = sp.GetRequiredService<IOptions<UspsOptions>>().Value;
                return new ClientCredentialsSettings("/oauth2/v3/token", options.ClientId, options.ClientSecret, ClientAuthentication.FormFields);
            });
        return services;
    }

    /// <summary>Says at start what is missing, so an operator is not left wondering why nothing arrives. Never logs a value.</summary>
    public static void WarnAboutMissingSettings(UspsOptions options, ILogger logger)
    {
        if (!options.HasApiCredentials)
        {
            logger.LogWarning(
                "{Section}:ClientId or {Section}:ClientSecret is not set: every USPS tracking lookup will fail until they are",
                UspsOptions.Section, UspsOptions.Section);
        }

        if (string.IsNullOrEmpty(options.WebhookSecret))
        {
            logger.LogWarning(
                "{Section}:WebhookSecret is not set: every USPS notification will be refused with 401", UspsOptions.Section);
        }
    }

    private static Uri BaseUrl(IServiceProvider sp) => new(sp.GetRequiredService<IOptions<UspsOptions>>().Value.BaseUrl);
}
