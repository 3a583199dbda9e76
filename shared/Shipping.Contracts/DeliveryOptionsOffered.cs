namespace Shipping.Contracts;

/// <summary>
/// A pick-up point a parcel can be sent to: a carrier's parcel shop or locker, or one of the retailer's stores.
/// </summary>
/// <param name="Id">The carrier's (or retailer's) id of the shop, as a ParcelShop change names it.</param>
/// <param name="Source"><see cref="Carrier"/> (offered by the carrier for this parcel) or <see cref="Retailer"/> (the brand's own list).</param>
/// <param name="OpeningHours">Free text, e.g. <c>Mo–Fr 08:00–20:00, Sa 09:00–16:00</c>.</param>
public sealed record ParcelShop(
    string Id,
    string Name,
    string Street,
    string PostalCode,
    string City,
    string CountryCode,
    string Source,
    string? OpeningHours = null)
{
    public const string Carrier = "carrier";
    public const string Retailer = "retailer";
}

/// <summary>
/// A carrier adapter learned which delivery dates and parcel shops the carrier offers for a parcel. Published when the
/// adapter starts watching the parcel and whenever the offer changes; the newest offer (by <see cref="OfferedAt"/>) wins.
/// Timeline records it on the shipment's stream and allows NewDate and ParcelShop changes only within it.
/// </summary>
/// <param name="OfferId">Stable id of this offer: a redelivered message is the same offer.</param>
/// <param name="Dates">Delivery dates the carrier offers (local dates at the delivery address).</param>
/// <param name="Shops">Parcel shops the carrier offers (<see cref="ParcelShop.Source"/> <c>carrier</c>).</param>
public sealed record DeliveryOptionsOffered(
    Guid OfferId,
    string TenantId,
    Guid ShipmentId,
    string Carrier,
    string TrackingNumber,
    IReadOnlyList<DateOnly> Dates,
    IReadOnlyList<ParcelShop> Shops,
    DateTimeOffset OfferedAt);
