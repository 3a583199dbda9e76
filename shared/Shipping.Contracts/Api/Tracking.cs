namespace Shipping.Contracts.Api;

/// <summary>
/// <c>POST /api/tracking/lookup</c> (platform services only): a customer looks up an order by its number and the delivery
/// postcode or their email. Either matches; a wrong order number, postcode or email gives the same 404.
/// </summary>
public sealed record TrackingLookup(string OrderNumber, string? Postcode, string? Email);

/// <summary>The order a lookup found.</summary>
public sealed record TrackingLookupResult(string OrderNumber);

/// <summary>
/// <c>GET /api/tracking/orders/{orderNumber}</c> (platform services only): what the customer's tracking page needs of an
/// order — the customer's language and time zone, contact data masked (<c>+49 *** **12</c>), and its shipments.
/// </summary>
/// <param name="Rating">The customer's rating of the delivery, once given.</param>
/// <param name="CanRate">A shipment of the order is delivered, so the customer may rate (or rate again).</param>
public sealed record TrackedOrder(
    string OrderNumber,
    string Locale,
    string? TimeZone,
    string? MaskedEmail,
    string? MaskedPhone,
    DateOnly? PromisedDeliveryDate,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? CancelledAt,
    IReadOnlyList<Guid> ShipmentIds,
    DeliveryRating? Rating = null,
    bool CanRate = false);
