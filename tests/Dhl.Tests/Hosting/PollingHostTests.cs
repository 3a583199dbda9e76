using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Carriers.Polling;
using Shipping.Carriers.Watching;
using Shipping.Contracts;
using Shipping.Testing;

namespace Shipping.Carriers.Dhl.Tests.Hosting;

public sealed class PollingHost() : DhlAdapterHost(apiKey: "test-api-key");

/// <summary>The adapter end to end: a registered DHL shipment is polled, and DHL's scans go out on the bus.</summary>
public class PollingHostTests(PollingHost host) : IClassFixture<PollingHost>
{
    [Fact]
    public async Task RegisteredShipment_IsPolled_AndEveryScanIsPublished_ForTheTenantWatchingIt()
    {
        var number = DhlAdapterHost.NewParcelDeNumber();
        await host.RegisterAsync(number);

        var observed = await Eventually.Get(
            () => Task.FromResult<IReadOnlyList<TrackingEventObserved>?>(host.Observed(number)),
            events => events?.Count >= ExpectedScans.ParcelDe.Count,
            "the parcel-de example's scans on the bus", DhlAdapterHost.FirstLookup, events => $"{events?.Count} event(s)");

        Assert.Equal(ExpectedScans.ParcelDe, observed.Select(Seen.Of));
        Assert.All(observed, e =>
        {
            Assert.Equal("acme", e.TenantId);
            Assert.Equal("dhl", e.Carrier);
            Assert.Equal(StableIds.ForCarrierScan("dhl", number, e.OccurredAt, e.RawCode), e.EventId);
        });
        var request = host.Dhl.Requests.First(r => r.Query.GetValueOrDefault("trackingNumber") == number);
        Assert.Equal("test-api-key", request.Header("DHL-API-Key"));
    }

    [Fact]
    public async Task DeliveredShipment_IsNoLongerPolled()
    {
        var number = DhlAdapterHost.NewParcelDeNumber();
        await host.RegisterAsync(number);
        var schedule = host.Adapter.Services.GetRequiredService<PollSchedule>();

        var row = await Eventually.Get(
            () => schedule.FindAsync(number, default),
            r => r is { Active: false },
            "polling to stop after DHL reported the delivery", DhlAdapterHost.FirstLookup);

        Assert.Equal(nameof(TrackingStatus.Delivered), row!.Value.LastStatus);
    }

    [Fact]
    public async Task DeliveryChange_IsRejected_WithDhlsRerouteLink()
    {
        var number = DhlAdapterHost.NewParcelNlNumber();
        var registered = await host.RegisterAsync(number);
        await Eventually.Until(
            () => host.Observed(number).Count >= ExpectedScans.ParcelNl.Count,
            "the parcel-nl example's scans on the bus", DhlAdapterHost.FirstLookup);
        Assert.Equal(ExpectedScans.ParcelNl, host.Observed(number).Select(Seen.Of));
        var parcel = await host.Adapter.Services.GetRequiredService<ParcelWatchList>().FindAsync(number, default);
        Assert.Equal(DhlPayloads.SpecRerouteUrl, parcel?.SelfServiceUrl);

        var request = new ChangeDelivery(
            Guid.NewGuid(), registered.TenantId, registered.ShipmentId, "dhl", number,
            DeliveryChangeKind.NewDate, new DeliveryChangeDetails(Date: new DateOnly(2019, 9, 5)), DateTimeOffset.UtcNow);
        await host.Adapter.Services.GetRequiredService<IBus>().Publish(request);

        var rejected = await Eventually.Get(
            () => Task.FromResult(host.Adapter.Published.Of<DeliveryChangeRejected>().FirstOrDefault(r => r.RequestId == request.RequestId)),
            r => r is not null, "the delivery change's answer");
        Assert.Equal(DhlPayloads.SpecRerouteUrl, rejected.SelfServiceUrl);
        Assert.Contains("DHL", rejected.Reason);
        Assert.Equal(registered.ShipmentId, rejected.ShipmentId);
        Assert.Empty(host.Adapter.Published.Of<DeliveryChangeConfirmed>());
    }

    [Fact]
    public async Task NumberDhlDoesNotKnow_PublishesNothing_AndStaysWatched()
    {
        const string number = "8264715546";
        await host.RegisterAsync(number);
        var schedule = host.Adapter.Services.GetRequiredService<PollSchedule>();

        var row = await Eventually.Get(
            () => schedule.FindAsync(number, default),
            r => r is { FetchesToday: > 0 },
            "the first lookup of the unknown number", DhlAdapterHost.FirstLookup);

        Assert.True(row!.Value.Active);
        Assert.Empty(host.Observed(number));
    }
}
