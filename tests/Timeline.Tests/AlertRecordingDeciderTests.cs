using Shipping.Contracts;
using Shipping.Timeline.Shipments;
using static Shipping.Timeline.Tests.ShipmentSpecification;

namespace Shipping.Timeline.Tests;

public class AlertRecordingDeciderTests
{
    private static readonly Guid AlertId = Guid.NewGuid();

    private static AlertSent Sent() =>
        new(AlertId, "demo", "1001", [Guid.NewGuid()], AlertChannel.Email, "OutForDelivery", "out-for-delivery", "en", "<m1@shipping>", Now);

    private static AlertDeliveryUpdated Update(AlertDeliveryStatus status, string? error = null) =>
        new(AlertId, "demo", "1001", [], AlertChannel.Email, status, error, Now.AddMinutes(1));

    [Fact]
    public void AnAlert_IsRecordedOnce_HoweverOftenItIsReported()
    {
        var spec = new ShipmentSpecification();

        var first = spec.Record(Sent());
        var again = spec.Record(Sent());

        Assert.Equal(new AlertRecorded(AlertId, AlertChannel.Email, "OutForDelivery", "out-for-delivery", "en", "<m1@shipping>", Now), Assert.Single(first));
        Assert.Empty(again);
    }

    [Fact]
    public void AStatus_IsRecordedWhenItIsNew_AndTheAlertStillWhenItsStatusCameFirst()
    {
        var spec = new ShipmentSpecification();

        var early = spec.Record(Update(AlertDeliveryStatus.Sent));
        var sent = spec.Record(Sent());
        var same = spec.Record(Update(AlertDeliveryStatus.Sent));
        var failed = spec.Record(Update(AlertDeliveryStatus.Failed, "550"));

        Assert.IsType<AlertStatusRecorded>(Assert.Single(early));
        Assert.IsType<AlertRecorded>(Assert.Single(sent));
        Assert.Empty(same);
        Assert.Equal(new AlertStatusRecorded(AlertId, AlertChannel.Email, AlertDeliveryStatus.Failed, "550", Now.AddMinutes(1)), Assert.Single(failed));
        Assert.Equal((true, AlertDeliveryStatus.Failed), (spec.State.Alerts[AlertId].Recorded, spec.State.Alerts[AlertId].Status));
    }

    [Fact]
    public void AReportDeliveredTwice_OutOfOrderWithAnother_IsRecordedOnce_AndTheNewestStatusWins()
    {
        var spec = new ShipmentSpecification();
        spec.Record(Sent());
        var undelivered = Update(AlertDeliveryStatus.Undelivered, "30003") with { At = Now.AddMinutes(5) };

        var first = spec.Record(undelivered);
        var lateSent = spec.Record(Update(AlertDeliveryStatus.Sent));
        var again = spec.Record(undelivered);

        Assert.Single(first);
        Assert.Single(lateSent);
        Assert.Empty(again);
        Assert.Equal(AlertDeliveryStatus.Undelivered, spec.State.Alerts[AlertId].Status);
    }
}
