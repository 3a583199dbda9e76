namespace Shipping.Timeline.Privacy;

/// <summary>
/// The customer's personal data was erased on request (order stream). Holds nothing personal: from here on the order's
/// read models show no contact or address, and <c>CustomerDataErased</c> tells the other services to forget theirs.
/// </summary>
public sealed record CustomerDataErasedRecorded(Guid ErasureId, string OrderNumber, DateTimeOffset ErasedAt);

/// <summary>
/// The personal data of this shipment's order was erased (shipment stream): the timeline shows it, and no delivery
/// change (which would carry a neighbour's name or an address) is taken any more.
/// </summary>
public sealed record ShipmentPersonalDataErased(Guid ErasureId, DateTimeOffset ErasedAt);
