namespace Shipping.Timeline.Orders;

/// <summary>The customer an order is for. Personal data: never logged.</summary>
/// <param name="TimeZone">IANA zone the customer lives in (when the day of a promised date ends, when alerts may be sent).</param>
public sealed record Customer(string Name, string? Email, string? Phone, string Locale, string? TimeZone = null);

/// <summary>A shipment as the order knows it.</summary>
public sealed record OrderShipment(Guid ShipmentId, string Carrier, string TrackingNumber);

/// <summary>A retailer registered an order (first event of the order's stream).</summary>
public sealed record OrderRegistered(
    string OrderNumber,
    Customer Customer,
    DateOnly? PromisedDeliveryDate,
    IReadOnlyList<OrderShipment> Shipments,
    DateTimeOffset RegisteredAt);

/// <summary>A shipment was added to an order after it was registered.</summary>
public sealed record ShipmentAddedToOrder(OrderShipment Shipment, DateTimeOffset AddedAt);

/// <summary>The retailer cancelled the order: its shipments are no longer watched for delays.</summary>
public sealed record OrderCancelled(string? Reason, DateTimeOffset CancelledAt);
