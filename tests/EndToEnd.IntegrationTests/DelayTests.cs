using Shipping.Contracts;
using Shipping.EndToEnd.IntegrationTests.Infrastructure;
using Shipping.Testing;

namespace Shipping.EndToEnd.IntegrationTests;

/// <summary>The time-based delay rules, found by Timeline's periodic scan and announced to Notifications once.</summary>
[Collection(PlatformCollection.Name)]
public class DelayTests(PlatformFixture platform)
{
    [Fact]
    public async Task PromisedDatePassedWithoutDelivery_ReachesNotifications_Once()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking, promised: PlatformFixture.Day(-2));
        var shipmentId = (await platform.TimelineAsync(order))!.Shipments[0].ShipmentId;

        var alert = Assert.Single(await Eventually.Get(() => platform.DueAlertsAsync(shipmentId), a => a?.Count > 0, "the delay alert"));

        Assert.Equal(DelayReason.PromisedDatePassed, alert.DelayReason);
        Assert.Equal(DateOnly.Parse(PlatformFixture.Day(-2)), alert.PromisedDeliveryDate);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the scan runs every half second: four more chances to repeat itself
        Assert.Single((await platform.DueAlertsAsync(shipmentId))!);
        var shipment = (await platform.TimelineAsync(order))!.Shipments[0];
        Assert.Equal(DelayReason.PromisedDatePassed, Assert.Single(shipment.Delays).Reason);
    }

    [Fact]
    public async Task NoMovementForLongerThanTheThreshold_IsStaleTracking_ReachingNotifications()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        var longAgo = DateTimeOffset.UtcNow - PlatformFixture.StaleAfter - TimeSpan.FromDays(1);

        await platform.PostScanAsync(PlatformFixture.ScanBody(tracking, "IN_TRANSIT", longAgo.ToString("yyyy-MM-ddTHH:mm:sszzz")));

        var shipmentId = (await Eventually.Get(() => platform.TimelineAsync(order), t => t?.Shipments[0].Events.Count == 1, "the scan")).Shipments[0].ShipmentId;
        var alert = Assert.Single(await Eventually.Get(() => platform.DueAlertsAsync(shipmentId), a => a?.Count > 0, "the stale-tracking alert"));
        Assert.Equal(DelayReason.StaleTracking, alert.DelayReason);
    }
}
