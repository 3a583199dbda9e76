namespace Shipping.Contracts;

/// <summary>A retailer registered a shipment: carrier adapters start watching its tracking number.</summary>
public sealed record ShipmentRegistered(
    Guid ShipmentId,
    string TenantId,
    string OrderNumber,
    string Carrier,
    string TrackingNumber,
    DateOnly? PromisedDeliveryDate,
    DateTimeOffset RegisteredAt);
