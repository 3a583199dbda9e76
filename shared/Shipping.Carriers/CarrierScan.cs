using Shipping.Contracts;

namespace Shipping.Carriers;

/// <summary>
/// One carrier event, normalised to the canonical status, before it is known which tenants watch the parcel.
/// Every adapter's normaliser produces these; <see cref="Publishing.ScanPublisher"/> turns them into
/// <see cref="TrackingEventObserved"/> messages.
/// </summary>
public sealed record CarrierScan(
    Guid EventId,
    string Carrier,
    string TrackingNumber,
    TrackingStatus Status,
    TrackingSubstatus Substatus,
    string RawCode,
    string RawDescription,
    DateTimeOffset OccurredAt,
    EventLocation? Location,
    DeliveryEstimate? CarrierEstimate)
{
    /// <summary>A scan whose id is derived from what identifies it (<see cref="StableIds.ForCarrierScan"/>).</summary>
    public static CarrierScan Create(
        string carrier, string trackingNumber, TrackingStatus status, TrackingSubstatus substatus,
        string rawCode, string rawDescription, DateTimeOffset occurredAt, EventLocation? location,
        DeliveryEstimate? carrierEstimate) =>
        new(StableIds.ForCarrierScan(carrier, trackingNumber, occurredAt, rawCode),
            carrier, TrackingNumbers.Normalise(trackingNumber), status, substatus, rawCode, rawDescription,
            occurredAt, location, carrierEstimate);

    public TrackingEventObserved ObservedBy(string tenantId, DateTimeOffset observedAt) =>
        new(EventId, tenantId, Carrier, TrackingNumber, Status, Substatus, RawCode, RawDescription,
            OccurredAt, Location, CarrierEstimate, observedAt);
}
