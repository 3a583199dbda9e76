using Shipping.Contracts;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.Performance;

/// <summary>
/// One shipment's journey as delivery performance sees it (id: the shipment's), per tenant: its route, when the carrier
/// took it over, when it was delivered, and what it was counted as in the <see cref="DeliveryPerformance"/> documents.
/// Every moment is the earliest scan of its kind, so scans may arrive in any order and twice; a change of the sample
/// (a late older scan) replaces what was counted instead of adding to it.
/// </summary>
public sealed class DeliveryTransit
{
    public Guid Id { get; set; }
    public bool Opened { get; set; }
    public string Carrier { get; set; } = "";
    public ShipmentRoute? Route { get; set; }

    /// <summary>The earliest scan with the parcel in the carrier's hands (<see cref="Handover.IsInCarriersHands"/>).</summary>
    public DateTimeOffset? HandedOverAt { get; set; }

    /// <summary>The earliest Delivered scan.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The earliest ReturnToSender scan.</summary>
    public DateTimeOffset? ReturnedAt { get; set; }

    /// <summary>What this shipment adds to the performance documents now, or null.</summary>
    public TransitSample? Counted { get; set; }

    /// <summary>The only event types a transit is made of: the daemon reads no others for the projection.</summary>
    public static readonly Type[] EventTypes = [typeof(ShipmentOpened), typeof(CarrierEventRecorded)];

    /// <summary>Whether an event can change a transit: other scans (InfoReceived, ...) need not even load one.</summary>
    public static bool Matters(object data) => data switch
    {
        ShipmentOpened => true,
        CarrierEventRecorded scan => Handover.IsInCarriersHands(scan.Status) || scan.Status is TrackingStatus.Delivered or TrackingStatus.ReturnToSender,
        _ => false,
    };

    /// <summary>Folds one event in; true when anything changed.</summary>
    public bool Apply(object data)
    {
        switch (data)
        {
            case ShipmentOpened opened when !Opened:
                (Opened, Carrier, Route) = (true, opened.Carrier, opened.Route);
                return true;
            case CarrierEventRecorded scan when Handover.IsInCarriersHands(scan.Status):
                return Earliest(HandedOverAt, scan.OccurredAt, v => HandedOverAt = v);
            case CarrierEventRecorded { Status: TrackingStatus.Delivered } scan:
                return Earliest(DeliveredAt, scan.OccurredAt, v => DeliveredAt = v);
            case CarrierEventRecorded { Status: TrackingStatus.ReturnToSender } scan:
                return Earliest(ReturnedAt, scan.OccurredAt, v => ReturnedAt = v);
            default:
                return false;
        }
    }

    /// <summary>
    /// The shipment's transit, when it can be measured: the route is known, the carrier took the parcel over before its
    /// first delivery, and it was not on its way back before that (a delivery after a return is the sender getting it
    /// back). Days are calendar days between the local dates of the two scans, each in its own offset.
    /// </summary>
    public TransitSample? Sample()
    {
        if (!Opened || HandedOverAt is not { } handover || DeliveredAt is not { } delivered || handover >= delivered
            || ReturnedAt is { } returned && returned < delivered)
        {
            return null;
        }

        var days = Math.Max(0, Handover.LocalDay(delivered).DayNumber - Handover.LocalDay(handover).DayNumber);
        return new TransitSample(days, [.. RouteKeys.For(Carrier, Route).Select(k => k.Id)]);
    }

    private static bool Earliest(DateTimeOffset? current, DateTimeOffset candidate, Action<DateTimeOffset> set)
    {
        if (current is { } existing && existing <= candidate)
        {
            return false;
        }

        set(candidate);
        return true;
    }
}

/// <summary>One delivered shipment's transit days, and the route keys it counts under.</summary>
public sealed record TransitSample(int Days, IReadOnlyList<string> Keys)
{
    public bool SameAs(TransitSample? other) => other is not null && other.Days == Days && other.Keys.SequenceEqual(Keys);
}

/// <summary>When a carrier has a parcel: one rule for the statistics and for revising a shipment's prediction.</summary>
public static class Handover
{
    /// <summary>
    /// Moving in the carrier's network or at its last mile. Not Pending/InfoReceived (label only), not Delivered (a first
    /// scan that is already the delivery says nothing about the journey), not ReturnToSender/Expired.
    /// </summary>
    public static bool IsInCarriersHands(TrackingStatus status) => status is TrackingStatus.InTransit or TrackingStatus.Exception
        or TrackingStatus.OutForDelivery or TrackingStatus.AttemptFail or TrackingStatus.AvailableForPickup;

    /// <summary>The day where the scan happened: the date in the scan's own offset.</summary>
    public static DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(at.DateTime);
}
