using Shipping.Contracts;

namespace Shipping.Timeline.Shipments;

// The facts on a shipment's stream. Internal to Timeline: Publishing maps them to Shipping.Contracts messages.

/// <summary>First event of a shipment's stream. Holds no personal data: the route is known by postcode regions only.</summary>
/// <param name="PromisedDeliveryDate">The last day promised to the customer.</param>
/// <param name="CustomerTimeZone">The customer's IANA zone: the promised day ends at midnight there.</param>
/// <param name="PromisedFrom">The first day of a promised window, if a window was promised.</param>
public sealed record ShipmentOpened(
    Guid ShipmentId, string OrderNumber, string Carrier, string TrackingNumber, DateOnly? PromisedDeliveryDate, DateTimeOffset OpenedAt,
    string? CustomerTimeZone = null, DateOnly? PromisedFrom = null, ShipmentRoute? Route = null);

/// <summary>
/// What a delivery prediction compares shipments by: the carrier's service and the origin and destination postcode
/// regions (<see cref="PostcodeRegions"/>), e.g. DE-04 → DE-80. Unknown parts are null.
/// </summary>
public sealed record ShipmentRoute(string? Service, string? OriginRegion, string? DestinationRegion);

/// <summary>A carrier scan, recorded once (by its stable id) in its place in time.</summary>
public sealed record CarrierEventRecorded(
    Guid EventId,
    TrackingStatus Status,
    TrackingSubstatus Substatus,
    string RawCode,
    string RawDescription,
    DateTimeOffset OccurredAt,
    EventLocation? Location,
    DeliveryEstimate? CarrierEstimate,
    DateTimeOffset RecordedAt);

/// <summary>The current canonical status moved, because of the newest scan.</summary>
public sealed record StatusChanged(
    TrackingStatus PreviousStatus, TrackingStatus Status, TrackingSubstatus Substatus, DateTimeOffset OccurredAt, Guid CausedByEventId);

/// <summary>The carrier's delivery estimate changed (only a scan at least as new as the last estimate's may change it).</summary>
public sealed record CarrierEstimateRevised(DeliveryEstimate? Previous, DeliveryEstimate Current, DateTimeOffset AsOf);

/// <summary>A delay was detected and is to be announced.</summary>
public sealed record DelayDetected(
    DelayReason Reason, DateOnly? PromisedDeliveryDate, DeliveryEstimate? PreviousEstimate, DeliveryEstimate? NewEstimate, DateTimeOffset DetectedAt);

/// <summary>The shipment's order was cancelled: no delay is looked for any more.</summary>
public sealed record ShipmentCancelled(DateTimeOffset CancelledAt);

/// <summary>A delivery change was asked for and is allowed: the carrier is asked to carry it out.</summary>
/// <param name="RequestedBy">Who asked when not the customer (<c>agent:{name}</c>); the history's actor.</param>
public sealed record DeliveryChangeRecorded(
    Guid RequestId, DeliveryChangeKind Kind, DeliveryChangeDetails Details, DeliveryChangeChannel Channel, DateTimeOffset RequestedAt,
    string? RequestedBy = null);

/// <summary>The carrier carried the change out.</summary>
public sealed record DeliveryChangeConfirmedByCarrier(Guid RequestId, string? CarrierReference, DateTimeOffset ConfirmedAt);

/// <summary>The change was refused: by the carrier, or by Timeline because it was no longer allowed or not offered.</summary>
/// <param name="Channel">How it was asked for, when refused on arrival (never recorded as asked for).</param>
/// <param name="RequestedBy">Who asked, when refused on arrival and not the customer.</param>
public sealed record DeliveryChangeRefused(
    Guid RequestId, DeliveryChangeKind Kind, string Reason, string? SelfServiceUrl, bool ByCarrier, DateTimeOffset RefusedAt,
    DeliveryChangeChannel? Channel = null, string? RequestedBy = null);

/// <summary>The shipment's expected delivery changed (every revision is kept): from the carrier, history, or the promise.</summary>
public sealed record ExpectedDeliveryRevised(
    DeliveryEstimate Estimate, EstimateSource Source, EstimateConfidence Confidence, DateTimeOffset RevisedAt);

/// <summary>Notifications sent an alert about this shipment (no personal data: the text stays in Notifications' log).</summary>
public sealed record AlertRecorded(
    Guid AlertId, AlertChannel Channel, string Trigger, string Template, string Language, string? ProviderMessageId, DateTimeOffset SentAt);

/// <summary>The provider reported on an alert: queued, sent, delivered, undelivered, failed.</summary>
public sealed record AlertStatusRecorded(Guid AlertId, AlertChannel Channel, AlertDeliveryStatus Status, string? ErrorCode, DateTimeOffset At);
