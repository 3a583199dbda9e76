using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shipping.Carriers.Fedex.Tracking;
using Shipping.ServiceDefaults;
using Shipping.Testing;

namespace Shipping.Carriers.Fedex.Tests;

/// <summary>
/// The tracker as production registers it (service defaults with their resilience handler, the Refit client, the OAuth
/// token handler), pointed at a fake FedEx, without the adapter's bus and database.
/// </summary>
internal sealed class TrackerHost(IHost host) : IAsyncDisposable
{
    public FedexTracker Tracker => host.Services.GetRequiredService<FedexTracker>();

    public static async Task<TrackerHost> StartAsync(FakeCarrierServer fedex, string clientId = "client-id", string clientSecret = "client-secret")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Carriers:Fedex:BaseUrl"] = fedex.BaseUrl.ToString(),
            ["Carriers:Fedex:ClientId"] = clientId,
            ["Carriers:Fedex:ClientSecret"] = clientSecret,
        });
        builder.AddServiceDefaults();
        builder.AddFedexTracking();
        var host = builder.Build();
        await host.StartAsync();
        return new TrackerHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
