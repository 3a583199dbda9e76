using Microsoft.Extensions.Options;
using Refit;
using Shipping.Carriers.EasyPost.Normalising;
using Shipping.Carriers.EasyPost.Tracking;
using Shipping.ServiceDefaults;

namespace Shipping.Carriers.EasyPost;

public static class EasyPostExtensions
{
    /// <summary>
    /// The EasyPost adapter: the shared carrier plumbing, the tracker API client (Basic auth with the API key) and
    /// polling within EasyPost's limits. Webhooks are the primary source; polling catches what they miss.
    /// </summary>
    public static TBuilder AddEasyPost<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddCarrierAdapter(EasyPostOptions.Carrier, EasyPostOptions.DisplayName);
        builder.Services.AddOptions<EasyPostOptions>().BindConfiguration(EasyPostOptions.Section);
        builder.Services.AddSingleton<EasyPostNormaliser>();

        builder.Services
            .AddRefitGeneratedClient<IEasyPostApi>(EasyPostJsonContext.Default)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<EasyPostOptions>>().Value.BaseUrl))
            // The tracker holds its client for the life of the process: recycle connections so DNS changes are seen.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .AddHttpMessageHandler(sp => new ApiKeyAuthentication(sp.GetRequiredService<IOptionsMonitor<EasyPostOptions>>()))
            // Creating a tracker for a tracking code EasyPost already tracks returns that tracker: retried like a GET.
            .RetryingEveryMethod();

        builder.AddCarrierPolling<TBuilder, EasyPostCarrierTracker>(EasyPostOptions.Section, polling =>
        {
            polling.CallsPerSecond = 2;
            polling.MaxFetchesPerShipmentPerDay = 12;
        });

        builder.Services.AddOpenApi();
        return builder;
    }
}
