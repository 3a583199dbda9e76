using System.Collections.Immutable;
using Shipping.Contracts;
using Shipping.Timeline.Performance;

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
    ImmutableDictionary<DelayReason, DeliveryEstimate?> AnnouncedDelays,
    DateTimeOffset OpenedAt,
    string? CustomerTimeZone,
    bool Cancelled = false,
    ImmutableDictionary<Guid, DeliveryChangeState>? DeliveryChanges = null,
    ExpectedDeliveryRevised? Expected = null,
    ImmutableDictionary<Guid, AlertState>? SentAlerts = null,
    ShipmentRoute? Route = null,
    DateTimeOffset? HandedOverAt = null,
    bool PersonalDataErased = false,
    OfferingDeliveryOptions.DeliveryOptionsRecorded? Offer = null,
    ImmutableHashSet<Guid>? OfferIds = null)
{
    /// <summary>Every alert heard of about this shipment: whether its sending was recorded, and its last reported status.</summary>
    public ImmutableDictionary<Guid, AlertState> Alerts => SentAlerts ?? ImmutableDictionary<Guid, AlertState>.Empty;

    /// <summary>Every delivery change asked for, by request id, with where it stands.</summary>
    public ImmutableDictionary<Guid, DeliveryChangeState> Changes => DeliveryChanges ?? ImmutableDictionary<Guid, DeliveryChangeState>.Empty;

    /// <summary>Why the carrier may not be asked to change the delivery now (<see cref="DeliveryChangeRules"/>), or null.</summary>
    /// <remarks>Once the customer's data is erased, none: a change would store a neighbour's name or an address again.</remarks>
    public string? DeliveryChangeRefusal => PersonalDataErased
        ? "The customer's personal data was erased for this order; no delivery change can be recorded."
        : DeliveryChangeRules.RefusalFor(Status, Cancelled);

    public static Shipment Create(ShipmentOpened e) => new(
        e.ShipmentId, e.OrderNumber, e.Carrier, e.TrackingNumber, e.PromisedDeliveryDate,
        TrackingStatus.Pending, TrackingSubstatus.Unspecified, null, null, null,
        [], ImmutableDictionary<DelayReason, DeliveryEstimate?>.Empty, e.OpenedAt, e.CustomerTimeZone, Route: e.Route);

    /// <summary>The day the journey starts for a prediction: the handover's (in its scan's offset), else the registration's in the customer's zone.</summary>
    public DateOnly JourneyStartDay => HandedOverAt is { } handover ? Handover.LocalDay(handover) : RegistrationDay(OpenedAt, CustomerTimeZone);

    public static DateOnly RegistrationDay(DateTimeOffset openedAt, string? customerTimeZone) =>
        customerTimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(openedAt, zone).DateTime)
            : Handover.LocalDay(openedAt);

    /// <summary>When the carrier last showed the parcel move (or, before any scan, when the shipment was registered).</summary>
    public DateTimeOffset LastMovementAt => Newest?.OccurredAt ?? OpenedAt;

    /// <summary>
    /// The moment the promised day is over: midnight after it in the customer's zone, or, when the zone is not known,
    /// where the day ends last on Earth (UTC-12), so a delay is never announced before the day is over anywhere.
    /// </summary>
    public DateTimeOffset? PromiseExpiresAt => PromisedDeliveryDate is not { } promised
        ? null
        : CustomerTimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? EndOfDay(promised, zone)
            : new DateTimeOffset(promised.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(-12));

    private static DateTimeOffset EndOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.IsInvalidTime(midnight) ? zone.GetUtcOffset(midnight.AddHours(-2)) : zone.GetUtcOffset(midnight));
    }

    public Shipment Apply(CarrierEventRecorded e)
    {
        var recorded = this with
        {
            RecordedEventIds = RecordedEventIds.Add(e.EventId),
            // The handover is the earliest scan with the parcel in the carrier's hands, whenever it arrives.
            HandedOverAt = Handover.IsInCarriersHands(e.Status) && !(HandedOverAt <= e.OccurredAt) ? e.OccurredAt : HandedOverAt,
        };
        var order = ScanOrder.Of(e);
        return Newest is { } newest && !(order > newest)
            ? recorded
            : recorded with { Newest = order, Status = e.Status, Substatus = e.Substatus };
    }

    public Shipment Apply(CarrierEstimateRevised e) => this with { CarrierEstimate = e.Current, CarrierEstimateAsOf = e.AsOf };

    public Shipment Apply(DelayDetected e) => this with { AnnouncedDelays = AnnouncedDelays.SetItem(e.Reason, e.NewEstimate) };

    public Shipment Apply(StatusChanged e) => this;

    public Shipment Apply(ShipmentCancelled e) => this with { Cancelled = true };

    public Shipment Apply(ExpectedDeliveryRevised e) => this with { Expected = e };

    /// <summary>The carrier's newest offer (by its time); every offer id seen, so a redelivered offer is recorded once.</summary>
    public Shipment Apply(OfferingDeliveryOptions.DeliveryOptionsRecorded e) => this with
    {
        Offer = Offer is { } current && current.OfferedAt > e.OfferedAt ? current : e,
        OfferIds = (OfferIds ?? []).Add(e.OfferId),
    };

    /// <summary>The dates a NewDate change may ask for now (<see cref="OfferingDeliveryOptions.DeliveryOffers.DatesFor"/>).</summary>
    public IReadOnlyList<DateOnly> OfferedDates(DateTimeOffset now) => OfferingDeliveryOptions.DeliveryOffers.DatesFor(
        Offer?.Dates, Expected?.Estimate.Date ?? CarrierEstimate?.Date, OfferingDeliveryOptions.DeliveryOffers.Today(now, CustomerTimeZone));

    public Shipment Apply(Privacy.ShipmentPersonalDataErased e) => this with { PersonalDataErased = true };

    public Shipment Apply(DeliveryChangeRecorded e) => this with { DeliveryChanges = Changes.SetItem(e.RequestId, DeliveryChangeState.Pending) };

    public Shipment Apply(DeliveryChangeConfirmedByCarrier e) => this with { DeliveryChanges = Changes.SetItem(e.RequestId, DeliveryChangeState.Confirmed) };

    public Shipment Apply(DeliveryChangeRefused e) => this with { DeliveryChanges = Changes.SetItem(e.RequestId, DeliveryChangeState.Refused) };

    public Shipment Apply(AlertRecorded e) =>
        this with { SentAlerts = Alerts.SetItem(e.AlertId, (Alerts.GetValueOrDefault(e.AlertId) ?? AlertState.Unknown) with { Recorded = true }) };

    public Shipment Apply(AlertStatusRecorded e) =>
        this with { SentAlerts = Alerts.SetItem(e.AlertId, (Alerts.GetValueOrDefault(e.AlertId) ?? AlertState.Unknown).Report(e.Status, e.At)) };

    /// <summary>Delivered, on its way back, or its order cancelled: no delay is announced any more.</summary>
    public bool IsFinished => Cancelled || Status is TrackingStatus.Delivered or TrackingStatus.ReturnToSender or TrackingStatus.Expired;
}

/// <summary>
/// An alert as a shipment knows it: its sending recorded (a status report may come first), its newest status, and every
/// report recorded (by status and time), so a report delivered twice, in any order among the others, is recorded once.
/// </summary>
public sealed record AlertState(bool Recorded, AlertDeliveryStatus? Status, DateTimeOffset? StatusAt = null, ImmutableHashSet<(AlertDeliveryStatus, DateTimeOffset)>? Reports = null)
{
    public static readonly AlertState Unknown = new(false, null);

    public bool HasReported(AlertDeliveryStatus status, DateTimeOffset at) => Reports?.Contains((status, at)) == true;

    public AlertState Report(AlertDeliveryStatus status, DateTimeOffset at)
    {
        var newest = StatusAt is not { } known || at >= known;
        return this with
        {
            Status = newest ? status : Status,
            StatusAt = newest ? at : StatusAt,
            Reports = (Reports ?? []).Add((status, at)),
        };
    }
}

public enum DeliveryChangeState
{
    Pending,
    Confirmed,
    Refused,
}
