using System.Net;
using System.Net.Http.Json;
using Shipping.Contracts.Api;
using Shipping.EndToEnd.IntegrationTests.Infrastructure;
using Shipping.Testing;

namespace Shipping.EndToEnd.IntegrationTests;

/// <summary>The support console's timeline: one row per stored fact, newest first, with who or what said so.</summary>
[Collection(PlatformCollection.Name)]
public class OrderHistoryTests(PlatformFixture platform)
{
    [Fact]
    public async Task History_HasARowPerFact_NewestFirst_WithTheCarriersRawText()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking, promised: PlatformFixture.Day(3));
        await platform.PostScanAsync(PlatformFixture.ScanBody(tracking, "IN_TRANSIT", "2026-11-23T09:15:00+01:00", estimate: PlatformFixture.Day(6)));
        await Eventually.Get(() => platform.TimelineAsync(order), t => t?.Shipments[0].Events.Count == 1, "the scan");

        var history = (await platform.TimelineClient().GetFromJsonAsync<OrderHistory>($"/api/orders/{order}/history", PlatformFixture.Json))!;

        Assert.Equal(history.Rows.OrderByDescending(r => r.At).ThenByDescending(r => r.RecordedAt).Select(r => r.RecordedAt), history.Rows.Select(r => r.RecordedAt));
        // The simulated carrier's offers of dates and parcel shops come and go with its estimate: their own tests check them.
        Assert.Equal(
            [TimelineRowKind.Registered, TimelineRowKind.CarrierScan, TimelineRowKind.ExpectedDelivery, TimelineRowKind.ExpectedDelivery, TimelineRowKind.Delay],
            history.Rows.Where(r => r.Kind != TimelineRowKind.DeliveryOptionsOffered).Select(r => r.Kind).Order());
        var scan = Assert.Single(history.Rows, r => r.Kind == TimelineRowKind.CarrierScan);
        Assert.Equal(("carrier", "IN_TRANSIT", "IN_TRANSIT at the Leipzig hub", tracking), (scan.Actor, scan.RawCode, scan.RawText, scan.TrackingNumber));
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T09:15:00+01:00"), scan.At);
        Assert.Equal(TimeSpan.FromHours(1), scan.At.Offset);
        Assert.Equal("platform", Assert.Single(history.Rows, r => r.Kind == TimelineRowKind.Delay).Actor);
        Assert.Equal("retailer", Assert.Single(history.Rows, r => r.Kind == TimelineRowKind.Registered).Actor);
    }

    [Fact]
    public async Task AnotherTenantsOrdersHistory_IsNotFound()
    {
        var order = PlatformFixture.NewOrderNumber();
        await platform.RegisterOrderAsync(order, PlatformFixture.NewTrackingNumber());

        var response = await platform.TimelineClient(PlatformFixture.GlobexKey).GetAsync($"/api/orders/{order}/history");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
