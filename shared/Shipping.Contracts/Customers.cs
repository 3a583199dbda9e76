namespace Shipping.Contracts;

/// <summary>
/// How to reach the customer an order is for, and what they agreed to. Personal data: never logged.
/// </summary>
/// <param name="Phone">E.164, e.g. +4915112345678.</param>
/// <param name="Locale">The customer's language and region, e.g. de-DE; alerts and pages use its language.</param>
/// <param name="TimeZone">The customer's IANA zone, e.g. Europe/Berlin: quiet hours and "today" are reckoned there.</param>
/// <param name="SmsOptIn">The customer agreed to alerts by SMS (recorded by the retailer at checkout). SMS is sent only with it.</param>
/// <param name="EmailOptIn">The customer may be sent alerts by email (transactional: on unless the customer said no).</param>
public sealed record CustomerDetails(
    string Name,
    string? Email,
    string? Phone,
    string Locale,
    string? TimeZone,
    bool SmsOptIn,
    bool EmailOptIn = true);

/// <summary>
/// A retailer registered an order (Timeline publishes it from the order's stream). Notifications keeps the contact and
/// consent from it; the order's shipments follow as <see cref="ShipmentRegistered"/>.
/// </summary>
/// <param name="OrderEventId">The stored event's id, for consumers to de-duplicate redeliveries.</param>
public sealed record OrderPlaced(
    Guid OrderEventId,
    string TenantId,
    string OrderNumber,
    CustomerDetails Customer,
    PostalAddress? DeliveryAddress,
    DateTimeOffset PlacedAt);

/// <summary>
/// A customer's personal data was erased on request (Timeline). Every service forgets what it holds about the order's
/// customer (contact, consent, rendered messages) and keeps only non-personal history.
/// </summary>
public sealed record CustomerDataErased(Guid ErasureId, string TenantId, string OrderNumber, DateTimeOffset ErasedAt);
