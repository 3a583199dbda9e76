using Marten.Events.Aggregation;
using Marten.Metadata;
using Shipping.Contracts;

namespace Shipping.Timeline.Shipments;

/// <summary>Read model of a shipment with its whole carrier timeline in time order, kept inline with its stream.</summary>
public sealed class ShipmentView : ITenanted
{
    public Guid Id { get; set; }

    /// <summary>Filled by Marten (conjoined tenancy), so a scan across tenants knows whose shipment it found.</summary>
    public string? TenantId { get; set; }
    public string OrderNumber { get; set; } = "";
    public string Carrier { get; set; } = "";
    public string TrackingNumber { get; set; } = "";
    public DateOnly? PromisedDeliveryDate { get; set; }
    public TrackingStatus Status { get; set; } = TrackingStatus.Pending;
    public TrackingSubstatus Substatus { get; set; }
    public DeliveryEstimate? CarrierEstimate { get; set; }
    public DateTimeOffset? LastEventAt { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>When the parcel last moved, or was registered: what the stale-tracking scan looks at.</summary>
    public DateTimeOffset LastMovementAt { get; set; }
    public List<TimelineEntry> Events { get; set; } = [];
    public List<DelayEntry> Delays { get; set; } = [];
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Shipment streams are keyed by order, carrier and tracking number within a tenant.</summary>
    public static Guid IdFor(string orderNumber, string carrier, string trackingNumber) =>
        StableIds.From("shipment", orderNumber, carrier, trackingNumber);
}

public sealed record TimelineEntry(
    Guid EventId, TrackingStatus Status, TrackingSubstatus Substatus, string RawCode, string Description,
    DateTimeOffset OccurredAt, EventLocation? Location, DeliveryEstimate? CarrierEstimate);

public sealed record DelayEntry(DelayReason Reason, DeliveryEstimate? PreviousEstimate, DeliveryEstimate? NewEstimate, DateTimeOffset DetectedAt);

public sealed class ShipmentViewProjection : SingleStreamProjection<ShipmentView, Guid>
{
    public static ShipmentView Create(ShipmentOpened e) => new()
    {
        Id = e.ShipmentId,
        OrderNumber = e.OrderNumber,
        Carrier = e.Carrier,
        TrackingNumber = e.TrackingNumber,
        PromisedDeliveryDate = e.PromisedDeliveryDate,
        OpenedAt = e.OpenedAt,
        LastMovementAt = e.OpenedAt,
    };

    public void Apply(CarrierEventRecorded e, ShipmentView view)
    {
        var entry = new TimelineEntry(e.EventId, e.Status, e.Substatus, e.RawCode, e.RawDescription, e.OccurredAt, e.Location, e.CarrierEstimate);
        var order = ScanOrder.Of(e);
        var index = view.Events.FindIndex(x => new ScanOrder(x.OccurredAt, x.Status, x.EventId) > order);
        view.Events.Insert(index < 0 ? view.Events.Count : index, entry);

        var newest = view.Events[^1];
        view.Status = newest.Status;
        view.Substatus = newest.Substatus;
        view.LastEventAt = newest.OccurredAt;
        view.LastMovementAt = newest.OccurredAt;
    }

    public void Apply(CarrierEstimateRevised e, ShipmentView view) => view.CarrierEstimate = e.Current;

    public void Apply(ShipmentCancelled e, ShipmentView view) => view.CancelledAt = e.CancelledAt;

    public void Apply(DelayDetected e, ShipmentView view) =>
        view.Delays.Add(new DelayEntry(e.Reason, e.PreviousEstimate, e.NewEstimate, e.DetectedAt));
}
