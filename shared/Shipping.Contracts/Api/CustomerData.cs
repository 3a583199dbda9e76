namespace Shipping.Contracts.Api;

/// <summary>
/// Body of <c>POST /api/customers/erasure</c> and <c>POST /api/customers/export</c>: the customer, by email or by phone
/// (one of them). The email compares case-insensitively; the phone must be international (E.164, separators allowed).
/// Sent in the body, not the URL, so it does not end up in access logs.
/// </summary>
public sealed record CustomerLookup(string? Email = null, string? Phone = null);

/// <summary>One order whose customer's personal data was erased.</summary>
/// <param name="AlreadyErased">It had been erased before (erasing again changes nothing).</param>
public sealed record ErasedOrder(string OrderNumber, Guid ErasureId, DateTimeOffset ErasedAt, bool AlreadyErased);

/// <summary>
/// The answer to an erasure: every order of the customer whose name, email, phone and addresses were removed from the
/// read models and the stored events. The shipments' carrier history stays.
/// </summary>
public sealed record CustomerErasure(IReadOnlyList<ErasedOrder> Orders);

/// <summary>Everything Timeline holds about a customer (the right of access), one entry per order.</summary>
public sealed record CustomerDataExport(DateTimeOffset ExportedAt, IReadOnlyList<OrderDataExport> Orders);

/// <summary>An order as Timeline holds it: contact, consent, delivery address, promise and every shipment.</summary>
/// <param name="PersonalDataErasedAt">When the customer's data was erased; the contact then holds none of it.</param>
public sealed record OrderDataExport(
    string OrderNumber,
    CustomerDetails Customer,
    PostalAddress? DeliveryAddress,
    DateOnly? PromisedFrom,
    DateOnly? PromisedDeliveryDate,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? CancelledAt,
    string? CancellationReason,
    DateTimeOffset? PersonalDataErasedAt,
    IReadOnlyList<ShipmentDataExport> Shipments);

/// <summary>A shipment with its carrier scans, delays, delivery changes (with what the customer gave) and full history.</summary>
public sealed record ShipmentDataExport(
    Guid ShipmentId,
    string Carrier,
    string TrackingNumber,
    string? Service,
    TrackingStatus Status,
    IReadOnlyList<TimelineEvent> CarrierEvents,
    IReadOnlyList<DelayNotice> Delays,
    IReadOnlyList<DeliveryChangeExport> DeliveryChanges,
    IReadOnlyList<HistoryEntry> History);

/// <summary>A delivery change the customer asked for, with its details (a neighbour's name, an address, a safe place).</summary>
/// <param name="Details">What was asked for; null when it was refused on arrival and so never stored.</param>
/// <param name="State">Pending, Confirmed or Refused.</param>
public sealed record DeliveryChangeExport(
    Guid RequestId,
    DeliveryChangeKind Kind,
    DeliveryChangeChannel? Channel,
    DeliveryChangeDetails? Details,
    string State,
    string? Reason,
    DateTimeOffset RequestedAt,
    DateTimeOffset? AnsweredAt);

/// <summary>One line of a shipment's history: what happened, when, and who or what said so.</summary>
public sealed record HistoryEntry(DateTimeOffset At, string Kind, string Actor, string Summary, string? RawCode, string? RawText);
