using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Carriers.Watching;
using Shipping.Contracts;
using Shipping.EndToEnd.IntegrationTests.Infrastructure;
using Shipping.Testing;
using Shipping.Timeline.Orders.CancellingOrder;

namespace Shipping.EndToEnd.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class OrderChangesTests(PlatformFixture platform)
{
    [Fact]
    public async Task ShipmentAddedLater_ShowsInTheTimeline_AndItsCarrierWatchesIt()
    {
        var (order, first, second) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber(), PlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, first);
        var client = platform.TimelineClient();

        var added = await client.PostAsJsonAsync($"/api/orders/{order}/shipments", new { carrier = "simulator", trackingNumber = second });
        var again = await client.PostAsJsonAsync($"/api/orders/{order}/shipments", new { carrier = "Simulator", trackingNumber = second.ToLowerInvariant() });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var timeline = (await platform.TimelineAsync(order))!;
        Assert.Equal([first, second], timeline.Shipments.Select(s => s.TrackingNumber));
        var watchList = platform.Simulator.Services.GetRequiredService<ParcelWatchList>();
        await Eventually.Get(() => watchList.FindAsync(second, default), p => p?.Watchers.Count == 1, "the simulator to watch the added shipment");
    }

    [Fact]
    public async Task AddingAShipment_ToAnUnknownOrder_Gets404_AndAnInvalidOne400()
    {
        var client = platform.TimelineClient();
        var order = PlatformFixture.NewOrderNumber();
        await platform.RegisterOrderAsync(order, PlatformFixture.NewTrackingNumber());

        var unknown = await client.PostAsJsonAsync($"/api/orders/{PlatformFixture.NewOrderNumber()}/shipments", new { carrier = "simulator", trackingNumber = "SIM123456" });
        var invalid = await client.PostAsJsonAsync($"/api/orders/{order}/shipments", new { carrier = "simulator", trackingNumber = "" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["shipment.trackingNumber"], (await invalid.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ToArray());
        Assert.Single((await platform.TimelineAsync(order))!.Shipments);
    }

    [Fact]
    public async Task CancelledOrder_KeepsItsHistory_ButIsNeverDelayed_AndTakesNoNewShipment()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        var client = platform.TimelineClient();

        var cancelled = await client.PostAsJsonAsync($"/api/orders/{order}/cancel", new { reason = "Customer withdrew" });
        var again = await client.PostAsJsonAsync($"/api/orders/{order}/cancel", new { reason = "twice" });
        await platform.PostScanAsync(PlatformFixture.ScanBody(tracking, "DAMAGED", "2026-11-23T10:00:00+01:00"));
        var addAfter = await client.PostAsJsonAsync($"/api/orders/{order}/shipments", new { carrier = "simulator", trackingNumber = PlatformFixture.NewTrackingNumber() });

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var first = (await cancelled.Content.ReadFromJsonAsync<OrderCancellation>())!;
        Assert.Equal(first, await again.Content.ReadFromJsonAsync<OrderCancellation>());
        Assert.Equal("Customer withdrew", first.Reason);
        Assert.Equal(HttpStatusCode.Conflict, addAfter.StatusCode);
        var shipment = (await Eventually.Get(() => platform.TimelineAsync(order), t => t?.Shipments[0].Events.Count == 1, "the scan after cancelling")).Shipments[0];
        Assert.Equal(TrackingStatus.Exception, shipment.Status);
        Assert.Empty(shipment.Delays);
        Assert.Empty((await platform.DueAlertsAsync(shipment.ShipmentId))!);
        var summary = await Eventually.Get(
            async () =>
            {
                // The summary is built in the background: 404 until it first exists.
                var response = await client.GetAsync($"/api/orders/{order}");
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<Shipping.Contracts.Api.OrderSummary>(PlatformFixture.Json) : null;
            },
            s => s?.CancelledAt is not null, "the order summary to show the cancellation");
        Assert.Equal(first.CancelledAt, summary.CancelledAt);
    }

    [Fact]
    public async Task CancellingAnUnknownOrder_Gets404()
    {
        var response = await platform.TimelineClient().PostAsJsonAsync($"/api/orders/{PlatformFixture.NewOrderNumber()}/cancel", new { });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
