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
/// <param name="OfferedDates">The dates a NewDate change may ask for: the carrier's offered dates still in the future in the
/// customer's zone, or (when the carrier offered none) the next five working days after the expected delivery. Empty when
/// no change is allowed.</param>
/// <param name="ParcelShops">The parcel shops a ParcelShop change may name: the carrier's offered shops and the retailer's
/// own (<see cref="ParcelShop.Source"/>). Empty when no change is allowed.</param>
public sealed record DeliveryOptions(
    IReadOnlyList<DeliveryChangeKind> Allowed,
    string? NotAllowedReason,
    IReadOnlyList<DateOnly>? OfferedDates = null,
    IReadOnlyList<ParcelShop>? ParcelShops = null);

/// <summary>The expected delivery (a day, a window of hours, or a range of days), where it comes from and how sure it is.</summary>
public sealed record ExpectedDelivery(DeliveryEstimate Estimate, EstimateSource Source, EstimateConfidence Confidence, DateTimeOffset RevisedAt);

/// <summary>A delivery change asked for, and where it stands: Pending, Confirmed or Refused (with the reason).</summary>
public sealed record DeliveryChangeStatus(
    Guid RequestId, DeliveryChangeKind Kind, DeliveryChangeChannel? Channel, string State, string? Reason, string? SelfServiceUrl,
    DateTimeOffset RequestedAt, DateTimeOffset? AnsweredAt);

/// <summary>An alert sent about the shipment, with what its provider last reported (null: nothing yet).</summary>
public sealed record AlertNotice(
    Guid AlertId, AlertChannel Channel, string Trigger, string Language, DateTimeOffset SentAt, AlertDeliveryStatus? Status, string? ErrorCode);

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
    DateTimeOffset? AsOf,
    ExpectedDelivery? ExpectedDelivery = null,
    IReadOnlyList<DeliveryChangeStatus>? DeliveryChanges = null,
    IReadOnlyList<AlertNotice>? Alerts = null,
    DateOnly? PromisedFrom = null);

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
