namespace Shipping.Contracts;

/// <summary>
/// A carrier reported a scan, normalised to the canonical status. Published by carrier adapters,
/// once per tenant watching the parcel.
/// </summary>
/// <param name="EventId">Stable id of the scan (<see cref="StableIds.ForCarrierScan"/>): the same scan seen
/// twice, by webhook and by polling, has the same id.</param>
/// <param name="RawCode">The carrier's own status or event code.</param>
/// <param name="RawDescription">The carrier's own text for the event.</param>
/// <param name="OccurredAt">When the carrier says it happened, with the offset of the place it happened.</param>
/// <param name="CarrierEstimate">The carrier's delivery estimate as of this event, if it gave one.</param>
public sealed record TrackingEventObserved(
    Guid EventId,
    string TenantId,
    string Carrier,
    string TrackingNumber,
    TrackingStatus Status,
    TrackingSubstatus Substatus,
    string RawCode,
    string RawDescription,
    DateTimeOffset OccurredAt,
    EventLocation? Location,
    DeliveryEstimate? CarrierEstimate,
    DateTimeOffset ObservedAt);
