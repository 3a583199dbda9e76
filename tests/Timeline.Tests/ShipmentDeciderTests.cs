using Shipping.Contracts;
using Shipping.Timeline.Shipments;
using static Shipping.Timeline.Tests.ShipmentSpecification;

namespace Shipping.Timeline.Tests;

public class ShipmentDeciderTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void FirstScan_IsRecorded_AndMovesStatusFromPending()
    {
        var events = new ShipmentSpecification().When(Scan(TrackingStatus.InTransit, Morning));

        Assert.IsType<CarrierEventRecorded>(events[0]);
        var changed = Assert.IsType<StatusChanged>(Assert.Single(events, e => e is StatusChanged));
        Assert.Equal(TrackingStatus.Pending, changed.PreviousStatus);
        Assert.Equal(TrackingStatus.InTransit, changed.Status);
    }

    [Fact]
    public void DuplicateScan_IsRecordedOnce()
    {
        var scan = Scan(TrackingStatus.InTransit, Morning);
        var spec = new ShipmentSpecification().Given(scan);

        Assert.Empty(spec.When(scan));
    }

    [Fact]
    public void SameScanWrittenWithAnotherOffset_IsTheSameScan()
    {
        var spec = new ShipmentSpecification().Given(Scan(TrackingStatus.InTransit, Morning));

        Assert.Empty(spec.When(Scan(TrackingStatus.InTransit, Morning.ToOffset(TimeSpan.Zero))));
    }

    [Fact]
    public void LateOlderScan_IsRecorded_ButDoesNotMoveStatusBack()
    {
        var spec = new ShipmentSpecification().Given(Scan(TrackingStatus.Delivered, Morning.AddHours(5)));

        var events = spec.When(Scan(TrackingStatus.InTransit, Morning));

        Assert.IsType<CarrierEventRecorded>(Assert.Single(events));
        Assert.Equal(TrackingStatus.Delivered, spec.State.Status);
    }

    [Fact]
    public void GenuinelyNewerReturn_AfterDelivery_BecomesReturnToSender()
    {
        var spec = new ShipmentSpecification().Given(Scan(TrackingStatus.Delivered, Morning));

        var events = spec.When(Scan(TrackingStatus.ReturnToSender, Morning.AddDays(3)));

        var changed = Assert.IsType<StatusChanged>(Assert.Single(events, e => e is StatusChanged));
        Assert.Equal(TrackingStatus.Delivered, changed.PreviousStatus);
        Assert.Equal(TrackingStatus.ReturnToSender, spec.State.Status);
    }

    [Fact]
    public void ScansAtTheSameInstant_AreOrderedByProgress()
    {
        var spec = new ShipmentSpecification().Given(Scan(TrackingStatus.Delivered, Morning));

        spec.When(Scan(TrackingStatus.OutForDelivery, Morning));

        Assert.Equal(TrackingStatus.Delivered, spec.State.Status);
    }

    [Fact]
    public void CarrierEstimateAfterPromisedDate_IsADelay_AnnouncedOnce()
    {
        var late = new DeliveryEstimate(Promised.AddDays(2));
        var spec = new ShipmentSpecification();

        var first = spec.When(Scan(TrackingStatus.InTransit, Morning, late));
        var second = spec.When(Scan(TrackingStatus.InTransit, Morning.AddHours(2), late, code: "ARRIVED"));

        var delay = Assert.IsType<DelayDetected>(Assert.Single(first, e => e is DelayDetected));
        Assert.Equal(DelayReason.LateCarrierEstimate, delay.Reason);
        Assert.Equal(Promised, delay.PromisedDeliveryDate);
        Assert.Null(delay.PreviousEstimate);
        Assert.Equal(late, delay.NewEstimate);
        Assert.DoesNotContain(second, e => e is DelayDetected);
    }

    [Fact]
    public void LateEstimateMovingByADay_IsAnnouncedAgain_WithOldAndNewEstimate()
    {
        var late = new DeliveryEstimate(Promised.AddDays(1));
        var later = new DeliveryEstimate(Promised.AddDays(2));
        var spec = new ShipmentSpecification().Given(Scan(TrackingStatus.InTransit, Morning, late));

        var events = spec.When(Scan(TrackingStatus.InTransit, Morning.AddHours(3), later, code: "ARRIVED"));

        var delay = Assert.IsType<DelayDetected>(Assert.Single(events, e => e is DelayDetected));
        Assert.Equal(late, delay.PreviousEstimate);
        Assert.Equal(later, delay.NewEstimate);
    }

    [Fact]
    public void EstimateOnTime_IsNoDelay()
    {
        var events = new ShipmentSpecification().When(Scan(TrackingStatus.InTransit, Morning, new DeliveryEstimate(Promised)));

        Assert.Contains(events, e => e is CarrierEstimateRevised);
        Assert.DoesNotContain(events, e => e is DelayDetected);
    }

    [Fact]
    public void EstimateFromAnOlderScan_DoesNotReviseTheEstimate()
    {
        var current = new DeliveryEstimate(Promised);
        var spec = new ShipmentSpecification().Given(Scan(TrackingStatus.InTransit, Morning.AddHours(4), current));

        var events = spec.When(Scan(TrackingStatus.InTransit, Morning, new DeliveryEstimate(Promised.AddDays(4)), code: "OLD"));

        Assert.DoesNotContain(events, e => e is CarrierEstimateRevised or DelayDetected);
        Assert.Equal(current, spec.State.CarrierEstimate);
    }

    [Theory]
    [InlineData(TrackingStatus.Exception)]
    [InlineData(TrackingStatus.AttemptFail)]
    public void ExceptionOrFailedAttempt_IsADelay_AnnouncedOnce(TrackingStatus problem)
    {
        var spec = new ShipmentSpecification().Given(Scan(TrackingStatus.InTransit, Morning));

        var first = spec.When(Scan(problem, Morning.AddHours(1)));
        var second = spec.When(Scan(problem, Morning.AddHours(2), code: "AGAIN"));

        Assert.Equal(DelayReason.CarrierProblem, Assert.IsType<DelayDetected>(Assert.Single(first, e => e is DelayDetected)).Reason);
        Assert.DoesNotContain(second, e => e is DelayDetected);
    }

    [Fact]
    public void OldExceptionArrivingAfterDelivery_IsNoDelay()
    {
        var spec = new ShipmentSpecification().Given(Scan(TrackingStatus.Delivered, Morning.AddHours(6)));

        var events = spec.When(Scan(TrackingStatus.Exception, Morning));

        Assert.DoesNotContain(events, e => e is DelayDetected);
    }

    [Fact]
    public void DeliveredShipment_WithLateEstimate_IsNoDelay()
    {
        var events = new ShipmentSpecification().When(
            Scan(TrackingStatus.Delivered, Morning, new DeliveryEstimate(Promised.AddDays(3))));

        Assert.DoesNotContain(events, e => e is DelayDetected);
    }
}
