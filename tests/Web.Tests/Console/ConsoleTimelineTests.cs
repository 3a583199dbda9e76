using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Web.Console.Orders;

namespace Shipping.Web.Tests.Console;

public class ConsoleTimelineTests
{
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-20T10:00:00+01:00");

    private static OrderHistoryRow Row(Guid shipment, string tracking, int minutes, TimelineRowKind kind, string actor, string summary, string? code = null) =>
        new(shipment, tracking, T0.AddMinutes(minutes), T0.AddMinutes(minutes).AddSeconds(1), kind, actor, summary, code, code is null ? null : "raw text");

    private static AlertLogEntry Alert(Guid id, IReadOnlyList<Guid> shipments, int minutes, string state, params (string State, int Minutes)[] history) =>
        new(id, "ORD-1", shipments, "Delayed:LateCarrierEstimate", AlertChannel.Sms, "delay", "en", "+4915112345678", null, "Your parcel is late.", "SM1",
            state, T0.AddMinutes(minutes - 1), T0.AddMinutes(minutes), history.Select(h => new AlertStatusChange(h.State, T0.AddMinutes(h.Minutes), null, null)).ToList(), null, null);

    private static OrderHistory History(params OrderHistoryRow[] rows) => new("ORD-1", rows);

    [Fact]
    public void Alerts_AppearOnce_WithTheirNewestStatus_AndTimelinesOwnAlertRowsAreLeftOut()
    {
        var alertId = Guid.NewGuid();
        var history = History(
            Row(First, "SIM1", 0, TimelineRowKind.CarrierScan, "carrier", "InTransit in Leipzig", "IN_TRANSIT"),
            Row(First, "SIM1", 5, TimelineRowKind.AlertSent, "notifications", "SMS alert sent: Delayed"),
            Row(Second, "SIM2", 5, TimelineRowKind.AlertSent, "notifications", "SMS alert sent: Delayed"),
            Row(First, "SIM1", 7, TimelineRowKind.AlertStatus, "provider:twilio", "SMS alert delivered."),
            Row(First, "SIM1", 8, TimelineRowKind.DeliveryChangeRequested, "customer:sms", "Delivery change asked for: Neighbour."));

        var merged = ConsoleTimeline.Merge(history, [Alert(alertId, [First, Second], 5, "Delivered", ("Queued", 5), ("Delivered", 7), ("Sent", 6))]);

        var alert = Assert.Single(merged, e => e.Kind == TimelineRowKind.AlertSent);
        Assert.Equal(alertId, alert.Alert!.AlertId);
        Assert.Equal("Delivered", alert.Alert.State);
        Assert.Equal(["Delivered", "Sent", "Queued"], alert.Alert.History.Select(h => h.State));
        Assert.Null(alert.TrackingNumber); // about both parcels
        Assert.DoesNotContain(merged, e => e.Kind == TimelineRowKind.AlertStatus);
        Assert.Equal([TimelineRowKind.DeliveryChangeRequested, TimelineRowKind.AlertSent, TimelineRowKind.CarrierScan], merged.Select(e => e.Kind));
        Assert.Equal("IN_TRANSIT", merged[^1].RawCode);
        Assert.Equal("customer:sms", merged[0].Actor);
    }

    [Fact]
    public void WithoutTheMessageLog_TimelinesAlertRowsStay_OncePerAlertNotPerParcel()
    {
        var history = History(
            Row(First, "SIM1", 5, TimelineRowKind.AlertSent, "notifications", "SMS alert sent: Delayed"),
            Row(Second, "SIM2", 5, TimelineRowKind.AlertSent, "notifications", "SMS alert sent: Delayed"),
            Row(First, "SIM1", 6, TimelineRowKind.CarrierScan, "carrier", "InTransit", "IN_TRANSIT"),
            Row(Second, "SIM2", 6, TimelineRowKind.CarrierScan, "carrier", "InTransit", "IN_TRANSIT"));

        var merged = ConsoleTimeline.Merge(history, null);

        Assert.Single(merged, e => e.Kind == TimelineRowKind.AlertSent);
        Assert.Equal(2, merged.Count(e => e.Kind == TimelineRowKind.CarrierScan)); // a scan on each parcel is two facts
    }

    [Fact]
    public void AnAlertOfOneParcel_NamesIt_AndANoteOnTheWholeOrderNamesNone()
    {
        var history = History(
            Row(First, "SIM1", 0, TimelineRowKind.Registered, "retailer", "Shipment registered"),
            Row(Guid.Empty, "", 9, TimelineRowKind.AgentNote, "agent:Anna", "Customer called."));

        var merged = ConsoleTimeline.Merge(history, [Alert(Guid.NewGuid(), [First], 3, "Held")]);

        Assert.Equal("SIM1", Assert.Single(merged, e => e.Kind == TimelineRowKind.AlertSent).TrackingNumber);
        var note = merged[0];
        Assert.Equal(TimelineRowKind.AgentNote, note.Kind);
        Assert.Null(note.TrackingNumber);
        Assert.Equal("agent:Anna", note.Actor);
    }
}
