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

/// <summary>
/// A shipment's order was cancelled: its adapter stops watching the parcel for that tenant (and stops polling it when no
/// one else watches it), and Notifications sends nothing more about it.
/// </summary>
/// <param name="WithdrawalId">The stored event's id, for consumers to de-duplicate redeliveries.</param>
public sealed record ShipmentWithdrawn(
    Guid WithdrawalId, Guid ShipmentId, string TenantId, string OrderNumber, string Carrier, string TrackingNumber, DateTimeOffset WithdrawnAt);
