using Shipping.Contracts;

namespace Shipping.Timeline.Shipments;

/// <summary>
/// The total order of scans that makes a shipment's state independent of the order scans arrive in:
/// by the instant they happened, then by how far along the journey their status is, then by id.
/// The current status is the status of the greatest scan, so a late older scan never moves it back,
/// while a genuinely newer one (a return reusing the tracking number) still wins.
/// </summary>
public readonly record struct ScanOrder(DateTimeOffset OccurredAt, TrackingStatus Status, Guid EventId) : IComparable<ScanOrder>
{
    public int CompareTo(ScanOrder other)
    {
        var byTime = OccurredAt.UtcDateTime.CompareTo(other.OccurredAt.UtcDateTime);
        if (byTime != 0)
        {
            return byTime;
        }

        var byProgress = Progress(Status).CompareTo(Progress(other.Status));
        return byProgress != 0 ? byProgress : EventId.CompareTo(other.EventId);
    }

    public static bool operator >(ScanOrder left, ScanOrder right) => left.CompareTo(right) > 0;

    public static bool operator <(ScanOrder left, ScanOrder right) => left.CompareTo(right) < 0;

    /// <summary>How far along a journey a status is, to order two scans stamped with the same instant.</summary>
    public static int Progress(TrackingStatus status) => status switch
    {
        TrackingStatus.Pending => 0,
        TrackingStatus.InfoReceived => 1,
        TrackingStatus.InTransit => 2,
        TrackingStatus.Exception => 3,
        TrackingStatus.OutForDelivery => 4,
        TrackingStatus.AttemptFail => 5,
        TrackingStatus.AvailableForPickup => 6,
        TrackingStatus.Delivered => 7,
        TrackingStatus.ReturnToSender => 8,
        TrackingStatus.Expired => 9,
        _ => 0,
    };

    public static ScanOrder Of(CarrierEventRecorded e) => new(e.OccurredAt, e.Status, e.EventId);
}
