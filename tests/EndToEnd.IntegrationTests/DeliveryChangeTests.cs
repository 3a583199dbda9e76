using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.EndToEnd.IntegrationTests.Infrastructure;
using Shipping.Testing;
using Shipping.Timeline.Shipments;

namespace Shipping.EndToEnd.IntegrationTests;

/// <summary>A delivery change asked for, through Timeline to the carrier's adapter and back, recorded on the shipment.</summary>
[Collection(PlatformCollection.Name)]
public class DeliveryChangeTests(PlatformFixture platform)
{
    private static DeliveryChangeRequested Request(Guid shipmentId, DateOnly date) => new(
        Guid.NewGuid(), "acme", shipmentId, DeliveryChangeKind.NewDate,
        new DeliveryChangeDetails(Date: date), DeliveryChangeChannel.TrackingPage, DateTimeOffset.UtcNow);

    [Fact]
    public async Task AllowedChange_GoesToTheCarrier_AndItsConfirmationIsRecorded()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        var shipmentId = (await platform.TimelineAsync(order))!.Shipments[0].ShipmentId;
        var offered = platform.Simulator.Published.Of<DeliveryOptionsOffered>();
        var offer = await Eventually.Get(() => Task.FromResult(offered.LastOrDefault(o => o.ShipmentId == shipmentId)), o => o is not null, "the carrier's offer");
        // The date asked for is one the carrier offered (a date it did not offer is refused by Timeline).
        await Eventually.Get(() => platform.TimelineClient().GetFromJsonAsync<ShipmentDetails>($"/api/shipments/{shipmentId}", PlatformFixture.Json),
            d => d?.DeliveryOptions.OfferedDates?.Contains(offer.Dates[^1]) == true, "Timeline to show the carrier's offer");
        var request = Request(shipmentId, offer.Dates[^1]);

        await platform.Timeline.Services.GetRequiredService<IBus>().Publish(request);

        var change = (await Eventually.Get(() => platform.TimelineAsync(order),
            t => t?.Shipments[0].DeliveryChanges.SingleOrDefault()?.State == DeliveryChangeState.Confirmed, "the carrier's confirmation"))
            .Shipments[0].DeliveryChanges.Single();
        Assert.Equal(request.RequestId, change.RequestId);
        Assert.StartsWith("SIM-", change.CarrierReference);
        var sent = Assert.Single(platform.Simulator.Consumed.OfType<ChangeDelivery>(c => c.RequestId == request.RequestId));
        Assert.Equal(("simulator", tracking, DeliveryChangeKind.NewDate), (sent.Carrier, sent.TrackingNumber, sent.Kind));
    }

    [Fact]
    public async Task ChangeAfterOutForDelivery_IsRefusedWithTheReason_WithoutAskingTheCarrier()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        await platform.PostScanAsync(PlatformFixture.ScanBody(tracking, "OUT_FOR_DELIVERY", "2026-11-23T08:00:00+01:00"));
        var shipmentId = (await Eventually.Get(() => platform.TimelineAsync(order), t => t?.Shipments[0].Status == TrackingStatus.OutForDelivery, "out for delivery"))
            .Shipments[0].ShipmentId;
        var request = Request(shipmentId, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(4));

        await platform.Timeline.Services.GetRequiredService<IBus>().Publish(request);

        var change = (await Eventually.Get(() => platform.TimelineAsync(order),
            t => t?.Shipments[0].DeliveryChanges.Count == 1, "the refusal")).Shipments[0].DeliveryChanges.Single();
        Assert.Equal(DeliveryChangeState.Refused, change.State);
        Assert.Contains("out for delivery", change.Reason);
        var rejected = await Eventually.Get(
            () => Task.FromResult(platform.Timeline.Published.Of<DeliveryChangeRejected>().SingleOrDefault(r => r.RequestId == request.RequestId)),
            r => r is not null, "the rejection for whoever asked");
        Assert.Equal(change.Reason, rejected.Reason);
        Assert.DoesNotContain(platform.Simulator.Consumed.OfType<ChangeDelivery>(_ => true), c => c.RequestId == request.RequestId);
    }
}
