namespace Shipping.Contracts.Api;

/// <summary>How an order stands as a whole, derived from its shipments.</summary>
public enum OrderProgress
{
    /// <summary>No shipment has news from its carrier yet.</summary>
    Pending,
    /// <summary>At least one shipment is on its way, none needs attention.</summary>
    InProgress,
    /// <summary>Some shipments are delivered, others are not yet.</summary>
    PartlyDelivered,
    /// <summary>Every shipment is delivered.</summary>
    Delivered,
    /// <summary>A shipment is in Exception, AttemptFail, ReturnToSender or Expired.</summary>
    NeedsAttention,
}

/// <summary>The customer's contact data, for support agents. Personal data: never logged.</summary>
/// <param name="TimeZone">The customer's IANA zone, if the retailer gave one.</param>
public sealed record CustomerContact(string Name, string? Email, string? Phone, string Locale, string? TimeZone = null);

/// <summary>One shipment of an order, as the order summary shows it.</summary>
/// <param name="Delayed">A delay was detected for it (DESIGN.md, "Delays").</param>
public sealed record ShipmentSummary(
    Guid ShipmentId,
    string Carrier,
    string TrackingNumber,
    TrackingStatus Status,
    TrackingSubstatus Substatus,
    DeliveryEstimate? CarrierEstimate,
    bool Delayed);

/// <summary>
/// <c>GET /api/orders/{orderNumber}</c>: an order with every shipment's status. Built asynchronously from the order's
/// and its shipments' events, so it may lag a scan by a moment.
/// </summary>
public sealed record OrderSummary(
    string OrderNumber,
    DateOnly? PromisedDeliveryDate,
    DateTimeOffset RegisteredAt,
    OrderProgress Progress,
    bool Delayed,
    CustomerContact Customer,
    IReadOnlyList<ShipmentSummary> Shipments,
    DateTimeOffset? CancelledAt = null,
    DeliveryRating? Rating = null,
    PostalAddress? DeliveryAddress = null);

/// <summary>
/// Body of <c>POST /api/search</c>: an order number, tracking number, email or phone, in any usual form. In the body so that
/// emails and phone numbers stay out of URLs and access logs.
/// </summary>
public sealed record OrderSearchRequest(string Query);

/// <summary><c>GET /api/search?q=…</c> and <c>POST /api/search</c>: the orders whose number, tracking number, customer email or phone match.</summary>
public sealed record OrderSearchResult(string Query, IReadOnlyList<OrderSummary> Orders);
