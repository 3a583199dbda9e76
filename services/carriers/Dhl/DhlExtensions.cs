using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;
using Shipping.Carriers.Dhl.Normalising;
using Shipping.Carriers.Dhl.Tracking;

namespace Shipping.Carriers.Dhl;

public static class DhlExtensions
{
    /// <summary>Name of the HTTP client that calls DHL's tracking API.</summary>
    public const string HttpClientName = "dhl-tracking";

    /// <summary>
    /// Polls DHL's Unified Tracking API, inside the starter tier's limits (1 call a second, 10 lookups of one parcel a
    /// day). DHL has no delivery-change API, so the platform's default rejects changes, with DHL's reroute link when
    /// DHL gave one. Call after <c>AddCarrierAdapter</c>.
    /// </summary>
    public static TBuilder AddDhl<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddDhlTracking();
        builder.AddCarrierPolling<TBuilder, DhlTracker>(DhlOptions.Section, polling =>
        {
            polling.CallsPerSecond = 1;
            polling.MaxFetchesPerShipmentPerDay = 10;
        });
        return builder;
    }

    /// <summary>The DHL API client and its normaliser, without the poller (what <see cref="DhlTracker"/> needs).</summary>
    public static TBuilder AddDhlTracking<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<DhlOptions>().BindConfiguration(DhlOptions.Section);
        builder.Services.AddSingleton<DhlNormaliser>();
        builder.Services.AddTransient<DhlApiKeyHandler>();

        var refit = new RefitSettings(new SystemTextJsonContentSerializer(DhlJson.Options));
        builder.Services.AddRefitGeneratedClient<IDhlTrackingApi>(refit, HttpClientName)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<DhlOptions>>().Value.BaseUrl))
            .AddHttpMessageHandler<DhlApiKeyHandler>();

        return builder;
    }

    /// <summary>Says at start when the API key is missing: the service runs, but every DHL lookup fails until it is set.</summary>
    public static WebApplication WarnIfDhlIsNotConfigured(this WebApplication app)
    {
        if (string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<DhlOptions>>().Value.ApiKey))
        {
            app.Logger.LogWarning(
                "{Setting} is not set: every DHL tracking lookup will fail, without calling DHL, until it is configured",
                $"{DhlOptions.Section}:ApiKey");
        }

        return app;
    }
}
