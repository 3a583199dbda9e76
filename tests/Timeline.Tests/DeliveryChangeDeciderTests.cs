using Shipping.Contracts;
using Shipping.Timeline.Shipments;
using static Shipping.Timeline.Tests.ShipmentSpecification;

namespace Shipping.Timeline.Tests;

public class DeliveryChangeDeciderTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(1));

    private static DeliveryChangeRequested Request(Guid? id = null) => new(
        id ?? Guid.NewGuid(), "demo", Guid.NewGuid(), DeliveryChangeKind.Neighbour,
        new DeliveryChangeDetails(NeighbourName: "Schmidt", NeighbourHouseNumber: "12a"), DeliveryChangeChannel.Sms, Morning);

    [Theory]
    [InlineData(TrackingStatus.InTransit)]
    [InlineData(TrackingStatus.AttemptFail)]
    public void BeforeOutForDelivery_OrAfterAFailedAttempt_TheChangeIsRecorded_ForTheCarrier(TrackingStatus status)
    {
        var spec = new ShipmentSpecification().Given(Scan(status, Morning));
        var request = Request();

        var recorded = Assert.IsType<DeliveryChangeRecorded>(Assert.Single(spec.Ask(request)));

        Assert.Equal((request.RequestId, DeliveryChangeKind.Neighbour, "Schmidt"), (recorded.RequestId, recorded.Kind, recorded.Details.NeighbourName));
        Assert.Equal(DeliveryChangeState.Pending, spec.State.Changes[request.RequestId]);
    }

    [Fact]
    public void TheSameRequestTwice_IsOneRequest()
    {
        var spec = new ShipmentSpecification().Given(Scan(TrackingStatus.InTransit, Morning));
        var request = Request();
        spec.Ask(request);

        Assert.Empty(spec.Ask(request));
    }

    [Theory]
    [InlineData(TrackingStatus.OutForDelivery, "out for delivery")]
    [InlineData(TrackingStatus.AvailableForPickup, "waiting for pickup")]
    [InlineData(TrackingStatus.Delivered, "delivered")]
    [InlineData(TrackingStatus.ReturnToSender, "ended")]
    public void OnceOutForDeliveryOrLater_TheChangeIsRefusedHere_WithTheReason(TrackingStatus status, string reason)
    {
        var spec = new ShipmentSpecification().Given(Scan(status, Morning));

        var refused = Assert.IsType<DeliveryChangeRefused>(Assert.Single(spec.Ask(Request())));

        Assert.False(refused.ByCarrier);
        Assert.Contains(reason, refused.Reason);
    }

    [Fact]
    public void TheCarriersAnswer_SettlesAPendingRequest_Once()
    {
        var spec = new ShipmentSpecification().Given(Scan(TrackingStatus.InTransit, Morning));
        var request = Request();
        spec.Ask(request);
        var confirmed = new DeliveryChangeConfirmedByCarrier(request.RequestId, "SIM-1", Morning.AddMinutes(1));

        var first = spec.Answer(request.RequestId, confirmed);
        var repeated = spec.Answer(request.RequestId, new DeliveryChangeRefused(request.RequestId, request.Kind, "late", null, true, Morning.AddMinutes(2)));

        Assert.Equal(confirmed, Assert.Single(first));
        Assert.Empty(repeated);
        Assert.Equal(DeliveryChangeState.Confirmed, spec.State.Changes[request.RequestId]);
    }

    [Fact]
    public void AnAnswerToNoRequest_ChangesNothing()
    {
        var spec = new ShipmentSpecification().Given(Scan(TrackingStatus.InTransit, Morning));

        Assert.Empty(spec.Answer(Guid.NewGuid(), new DeliveryChangeConfirmedByCarrier(Guid.NewGuid(), null, Morning)));
    }
}
