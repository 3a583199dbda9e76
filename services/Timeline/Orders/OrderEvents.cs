using Shipping.Contracts;

namespace Shipping.Timeline.Orders;

/// <summary>The customer an order is for. Personal data: never logged.</summary>
/// <param name="TimeZone">IANA zone the customer lives in (when the day of a promised date ends, when alerts may be sent).</param>
/// <param name="SmsOptIn">The customer agreed to SMS alerts at checkout; without it, no SMS is sent.</param>
/// <param name="EmailOptIn">Email alerts are allowed (transactional: on unless the customer declined).</param>
public sealed record Customer(
    string Name, string? Email, string? Phone, string Locale, string? TimeZone = null, bool SmsOptIn = false, bool EmailOptIn = true);

/// <summary>Where a shipment leaves from (the retailer's warehouse): its postcode region feeds delivery predictions.</summary>
public sealed record ShipmentOrigin(string PostalCode, string CountryCode);

/// <summary>A shipment as the order knows it.</summary>
/// <param name="Service">The carrier's service level as the retailer booked it, e.g. express, standard.</param>
public sealed record OrderShipment(Guid ShipmentId, string Carrier, string TrackingNumber, string? Service = null, ShipmentOrigin? Origin = null);

/// <summary>A retailer registered an order (first event of the order's stream). Holds personal data: erasure masks it.</summary>
/// <param name="PromisedDeliveryDate">The last day promised (the only day, or the end of a promised window).</param>
/// <param name="PromisedFrom">The first day of a promised window; null when one day was promised.</param>
public sealed record OrderRegistered(
    string OrderNumber,
    Customer Customer,
    DateOnly? PromisedDeliveryDate,
    IReadOnlyList<OrderShipment> Shipments,
    DateTimeOffset RegisteredAt,
    PostalAddress? DeliveryAddress = null,
    DateOnly? PromisedFrom = null);

/// <summary>A shipment was added to an order after it was registered.</summary>
public sealed record ShipmentAddedToOrder(OrderShipment Shipment, DateTimeOffset AddedAt);

/// <summary>The retailer cancelled the order: its shipments are no longer watched for delays.</summary>
public sealed record OrderCancelled(string? Reason, DateTimeOffset CancelledAt);
