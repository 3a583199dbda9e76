namespace Shipping.Contracts.Api;

/// <summary>A carrier scan in a shipment's timeline. Times keep the carrier's offset.</summary>
public sealed record TimelineEvent(
    Guid EventId,
    TrackingStatus Status,
    TrackingSubstatus Substatus,
    string RawCode,
    string Description,
    DateTimeOffset OccurredAt,
    EventLocation? Location,
    DeliveryEstimate? CarrierEstimate);

/// <summary>A delay detected for a shipment.</summary>
public sealed record DelayNotice(DelayReason Reason, DeliveryEstimate? PreviousEstimate, DeliveryEstimate? NewEstimate, DateTimeOffset DetectedAt);

/// <summary>
/// The delivery changes a customer may still ask for. All of them while the parcel is not yet out for delivery
/// (and not finished); none afterwards, with <see cref="NotAllowedReason"/> saying why.
/// </summary>
public sealed record DeliveryOptions(IReadOnlyList<DeliveryChangeKind> Allowed, string? NotAllowedReason);

/// <summary>
/// <c>GET /api/shipments/{id}</c> (now) and <c>GET /api/shipments/{id}/as-of?at=…</c> (as it stood then; <see cref="AsOf"/> set).
/// </summary>
public sealed record ShipmentDetails(
    Guid ShipmentId,
    string OrderNumber,
    string Carrier,
    string TrackingNumber,
    DateOnly? PromisedDeliveryDate,
    TrackingStatus Status,
    TrackingSubstatus Substatus,
    DeliveryEstimate? CarrierEstimate,
    DateTimeOffset? LastEventAt,
    IReadOnlyList<TimelineEvent> Events,
    IReadOnlyList<DelayNotice> Delays,
    DeliveryOptions DeliveryOptions,
    DateTimeOffset? AsOf);

/// <summary><c>GET /api/orders/{orderNumber}/timeline</c>: the order's shipments with every carrier event in time order.</summary>
public sealed record OrderTimeline(string OrderNumber, DateOnly? PromisedDeliveryDate, DateTimeOffset RegisteredAt, IReadOnlyList<ShipmentTimeline> Shipments);

public sealed record ShipmentTimeline(
    Guid ShipmentId,
    string Carrier,
    string TrackingNumber,
    TrackingStatus Status,
    TrackingSubstatus Substatus,
    DeliveryEstimate? CarrierEstimate,
    IReadOnlyList<TimelineEvent> Events,
    IReadOnlyList<DelayNotice> Delays);
