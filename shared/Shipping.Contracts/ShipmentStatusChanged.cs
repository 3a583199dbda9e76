namespace Shipping.Contracts;

/// <summary>A shipment's current canonical status changed.</summary>
/// <param name="ChangeId">Stable id of this change, for consumers to de-duplicate redeliveries.</param>
/// <param name="CausedByEventId">The carrier scan (<see cref="TrackingEventObserved.EventId"/>) that caused it.</param>
public sealed record ShipmentStatusChanged(
    Guid ChangeId,
    Guid ShipmentId,
    string TenantId,
    string OrderNumber,
    string Carrier,
    string TrackingNumber,
    TrackingStatus PreviousStatus,
    TrackingStatus Status,
    TrackingSubstatus Substatus,
    DateTimeOffset OccurredAt,
    Guid CausedByEventId);
