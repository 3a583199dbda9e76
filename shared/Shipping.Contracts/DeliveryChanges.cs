namespace Shipping.Contracts;

/// <summary>What a customer may ask the carrier to do with a parcel (DESIGN.md, "Delivery changes").</summary>
public enum DeliveryChangeKind
{
    /// <summary>Deliver on another day, from the dates the carrier offers.</summary>
    NewDate,
    /// <summary>Leave it with a neighbour.</summary>
    Neighbour,
    /// <summary>Send it to a parcel shop or locker.</summary>
    ParcelShop,
    /// <summary>Deliver to another address.</summary>
    OtherAddress,
    /// <summary>Leave it at a safe place.</summary>
    SafePlace,
}

/// <summary>A postal address. Personal data: never logged.</summary>
public sealed record PostalAddress(string Street, string? HouseNumber, string PostalCode, string City, string CountryCode, string? Name = null);

/// <summary>
/// The details of a delivery change; which ones are set depends on <see cref="DeliveryChangeKind"/>:
/// NewDate → <see cref="Date"/>; Neighbour → <see cref="NeighbourName"/> and <see cref="NeighbourHouseNumber"/>;
/// ParcelShop → <see cref="ParcelShopId"/>; OtherAddress → <see cref="Address"/>; SafePlace → <see cref="SafePlace"/>.
/// </summary>
public sealed record DeliveryChangeDetails(
    DateOnly? Date = null,
    string? NeighbourName = null,
    string? NeighbourHouseNumber = null,
    string? ParcelShopId = null,
    PostalAddress? Address = null,
    string? SafePlace = null);

/// <summary>Command to a carrier adapter: ask the carrier to change a parcel's delivery.</summary>
/// <param name="RequestId">Stable id of the customer's request; the answer carries it back.</param>
public sealed record ChangeDelivery(
    Guid RequestId,
    string TenantId,
    Guid ShipmentId,
    string Carrier,
    string TrackingNumber,
    DeliveryChangeKind Kind,
    DeliveryChangeDetails Details,
    DateTimeOffset RequestedAt);

/// <summary>The carrier accepted a delivery change.</summary>
public sealed record DeliveryChangeConfirmed(
    Guid RequestId,
    string TenantId,
    Guid ShipmentId,
    string Carrier,
    string TrackingNumber,
    DeliveryChangeKind Kind,
    string? CarrierReference,
    DateTimeOffset ConfirmedAt);

/// <summary>The carrier (or its adapter) refused a delivery change.</summary>
/// <param name="Reason">Plain words for the customer and the agent.</param>
/// <param name="SelfServiceUrl">The carrier's own page where the customer may still arrange it, if there is one.</param>
public sealed record DeliveryChangeRejected(
    Guid RequestId,
    string TenantId,
    Guid ShipmentId,
    string Carrier,
    string TrackingNumber,
    DeliveryChangeKind Kind,
    string Reason,
    string? SelfServiceUrl,
    DateTimeOffset RejectedAt);

/// <summary>Who asked for a delivery change, and how.</summary>
public enum DeliveryChangeChannel
{
    Sms,
    Email,
    TrackingPage,
    SupportAgent,
}

/// <summary>
/// A customer (by SMS, email or on the tracking page) or an agent asked to change a shipment's delivery. Timeline checks
/// that the change is still allowed, records it on the shipment's stream and sends <see cref="ChangeDelivery"/> to the
/// carrier's adapter; the answer comes back as <see cref="DeliveryChangeConfirmed"/> or <see cref="DeliveryChangeRejected"/>.
/// </summary>
/// <param name="RequestId">Stable id of the request: a redelivered message is the same request.</param>
/// <param name="RequestedBy">Who asked, when not the customer themself: <c>agent:{name}</c> for a support agent acting for
/// the customer. Shown as the actor of the request in the order's history.</param>
public sealed record DeliveryChangeRequested(
    Guid RequestId,
    string TenantId,
    Guid ShipmentId,
    DeliveryChangeKind Kind,
    DeliveryChangeDetails Details,
    DeliveryChangeChannel Channel,
    DateTimeOffset RequestedAt,
    string? RequestedBy = null);
