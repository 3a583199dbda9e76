using Microsoft.Extensions.Options;
using Refit;
using Shipping.Carriers.Http;
using Shipping.Carriers.Polling;
using Shipping.Carriers.Ups.Normalising;
using Shipping.Carriers.Ups.Tracking;

namespace Shipping.Carriers.Ups;

public static class UpsExtensions
{
    /// <summary>Tracking.yaml documents no rate limit and no daily quota: these are conservative defaults, not UPS's numbers.</summary>
    public static void PollingDefaults(PollingOptions polling)
    {
        polling.CallsPerSecond = 2;
        polling.MaxFetchesPerShipmentPerDay = 24;
    }

    /// <summary>
    /// Options, normalisers and the Track API client: Refit, with an OAuth client-credentials token (Basic
    /// authentication at <c>/security/v1/oauth/token</c>, cached until it expires) and UPS's transaction headers.
    /// Handlers run in the order added, inside the standard resilience handler every client gets.
    /// </summary>
    public static TBuilder AddUps<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<UpsOptions>().BindConfiguration(UpsOptions.Section);
        builder.Services.AddSingleton<UpsStatusMapping>();
        builder.Services.AddSingleton<TrackResponseNormaliser>();
        builder.Services.AddSingleton<TrackAlertNormaliser>();
        builder.Services.AddTransient<UpsTransactionHeaders>();
        builder.Services.AddSingleton<UpsTracker>();

        Uri BaseAddress(IServiceProvider sp) => sp.GetRequiredService<IOptions<UpsOptions>>().Value.BaseAddress;
        builder.Services
            .AddRefitGeneratedClient<IUpsTrackingApi>(new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(UpsJson.Options) })
            .ConfigureHttpClient((sp, client) => client.BaseAddress = BaseAddress(sp))
            .AddClientCredentialsToken(BaseAddress, sp =>
            {
                var ups = sp.GetRequiredService<IOptions<UpsOptions>>().Value;
                return new ClientCredentialsSettings("security/v1/oauth/token", ups.ClientId, ups.ClientSecret, ClientAuthentication.BasicHeader);
            })
            .AddHttpMessageHandler<UpsTransactionHeaders>();

        return builder;
    }

    /// <summary>Warns at start about what is missing; the adapter still runs (lookups fail, webhooks get 401).</summary>
    public static void WarnAboutMissingSettings(this WebApplication app)
    {
        var missing = app.Services.GetRequiredService<IOptions<UpsOptions>>().Value.MissingSettings();
        if (missing.Count > 0)
        {
            app.Logger.LogWarning(
                "UPS adapter settings missing: {Settings}. Without ClientId/ClientSecret every Track API lookup fails; " +
                "without WebhookCredential every Track Alert webhook is refused with 401",
                string.Join(", ", missing));
        }
    }
}
