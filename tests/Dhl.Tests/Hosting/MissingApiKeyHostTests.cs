using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shipping.Carriers.Polling;
using Shipping.Testing;

namespace Shipping.Carriers.Dhl.Tests.Hosting;

public sealed class HostWithoutApiKey() : DhlAdapterHost(apiKey: null);

/// <summary>Without the API key the adapter still runs: it says so at start, and lookups fail without calling DHL.</summary>
public class MissingApiKeyHostTests(HostWithoutApiKey host) : IClassFixture<HostWithoutApiKey>
{
    [Fact]
    public void Start_WarnsThatTheApiKeyIsMissing() =>
        Assert.Contains(host.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("Carriers:Dhl:ApiKey is not set"));

    [Fact]
    public async Task Lookups_FailWithoutCallingDhl_AndTheHostStaysUp()
    {
        var number = DhlAdapterHost.NewParcelDeNumber();
        await host.RegisterAsync(number);
        var schedule = host.Adapter.Services.GetRequiredService<PollSchedule>();

        var row = await Eventually.Get(
            () => schedule.FindAsync(number, default),
            r => r is { FetchesToday: > 0 },
            "the first (failing) lookup", DhlAdapterHost.FirstLookup);

        Assert.True(row!.Value.Active);
        Assert.Empty(host.Dhl.Requests);
        Assert.Empty(host.Observed(number));
        Assert.Contains(host.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("DHL was not called"));
        var live = await host.Adapter.CreateClient().GetAsync("/health/live");
        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
    }
}
