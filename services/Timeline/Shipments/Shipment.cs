using System.Collections.Immutable;
using Shipping.Contracts;

namespace Shipping.Timeline.Shipments;

/// <summary>
/// The write model of one shipment: just what decisions need. Rebuilt from its stream (live aggregation).
/// </summary>
public sealed record Shipment(
    Guid Id,
    string OrderNumber,
    string Carrier,
    string TrackingNumber,
    DateOnly? PromisedDeliveryDate,
    TrackingStatus Status,
    TrackingSubstatus Substatus,
    ScanOrder? Newest,
    DeliveryEstimate? CarrierEstimate,
    DateTimeOffset? CarrierEstimateAsOf,
    ImmutableHashSet<Guid> RecordedEventIds,
    ImmutableDictionary<DelayReason, DeliveryEstimate?> AnnouncedDelays)
{
    public static Shipment Create(ShipmentOpened e) => new(
        e.ShipmentId, e.OrderNumber, e.Carrier, e.TrackingNumber, e.PromisedDeliveryDate,
        TrackingStatus.Pending, TrackingSubstatus.Unspecified, null, null, null,
        [], ImmutableDictionary<DelayReason, DeliveryEstimate?>.Empty);

    public Shipment Apply(CarrierEventRecorded e)
    {
        var recorded = this with { RecordedEventIds = RecordedEventIds.Add(e.EventId) };
        var order = ScanOrder.Of(e);
        return Newest is { } newest && !(order > newest)
            ? recorded
            : recorded with { Newest = order, Status = e.Status, Substatus = e.Substatus };
    }

    public Shipment Apply(CarrierEstimateRevised e) => this with { CarrierEstimate = e.Current, CarrierEstimateAsOf = e.AsOf };

    public Shipment Apply(DelayDetected e) => this with { AnnouncedDelays = AnnouncedDelays.SetItem(e.Reason, e.NewEstimate) };

    public Shipment Apply(StatusChanged e) => this;

    /// <summary>Delivered or on its way back: no delay is announced any more.</summary>
    public bool IsFinished => Status is TrackingStatus.Delivered or TrackingStatus.ReturnToSender or TrackingStatus.Expired;
}
