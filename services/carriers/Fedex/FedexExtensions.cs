using Microsoft.Extensions.Options;
using Refit;
using Shipping.Carriers.Fedex.Normalising;
using Shipping.Carriers.Fedex.Tracking;
using Shipping.Carriers.Http;
using Shipping.Carriers.Polling;
using Shipping.ServiceDefaults;

namespace Shipping.Carriers.Fedex;

public static class FedexExtensions
{
    /// <summary>
    /// FedEx polls only: it has no push in scope (its Notifications resource sets up e-mails, not webhooks), and its specs
    /// show no API for delivery changes, so those fall to the adapter library's SelfServiceOnly default.
    /// </summary>
    public static TBuilder AddFedex<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddFedexTracking();
        builder.AddCarrierPolling<TBuilder, FedexTracker>(FedexOptions.Section, PollingDefaults);
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>The Track API client, with its OAuth client-credentials token, and the tracker; nothing of the bus or database.</summary>
    public static TBuilder AddFedexTracking<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<FedexOptions>()
            .BindConfiguration(FedexOptions.Section)
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), $"{FedexOptions.Section}:BaseUrl must be an absolute URL.")
            .ValidateOnStart();
        builder.Services.AddSingleton<FedexNormaliser>();
        builder.Services.AddSingleton<FedexTracker>();

        builder.Services
            .AddRefitGeneratedClient<IFedexTrackApi>(new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(FedexJson.Options) })
            .ConfigureHttpClient((sp, http) => http.BaseAddress = Settings(sp).BaseUri)
            // Track API's POST only reads: retried like a GET.
            .RetryingEveryMethod()
            .AddClientCredentialsToken(
                sp => Settings(sp).BaseUri,
                sp => new ClientCredentialsSettings("oauth/token", Settings(sp).ClientId, Settings(sp).ClientSecret, ClientAuthentication.FormFields));
        return builder;
    }

    /// <summary>
    /// The Track API spec states no rate limit (only that one request carries at most 30 tracking numbers): one call a
    /// second and 24 lookups of a parcel a day stay modest, and a 429 from FedEx pauses the poller for its Retry-After.
    /// </summary>
    public static void PollingDefaults(PollingOptions polling)
    {
        polling.CallsPerSecond = 1;
        polling.MaxFetchesPerShipmentPerDay = 24;
    }

    /// <summary>Says at start, once, that lookups cannot work yet; the host runs on and every lookup fails cleanly.</summary>
    public static WebApplication WarnIfFedexCredentialsMissing(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<FedexOptions>>().Value.HasCredentials)
        {
            app.Logger.LogWarning("Carriers:Fedex:ClientId and Carriers:Fedex:ClientSecret are not set: every FedEx lookup fails until they are");
        }

        return app;
    }

    private static FedexOptions Settings(IServiceProvider services) => services.GetRequiredService<IOptions<FedexOptions>>().Value;
}
