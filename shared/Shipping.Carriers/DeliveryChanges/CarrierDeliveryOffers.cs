using Shipping.Carriers.Watching;
using Shipping.Contracts;

namespace Shipping.Carriers.DeliveryChanges;

/// <summary>
/// For adapters whose carrier says which delivery dates and parcel shops it offers for a parcel. The watch list asks
/// when it starts watching a parcel for a shipment and whenever the carrier's estimate changes, and publishes
/// <see cref="DeliveryOptionsOffered"/> to the watching tenants.
/// </summary>
public interface ICarrierDeliveryOffers
{
    /// <param name="estimate">The carrier's newest delivery estimate for the parcel, if it gave one.</param>
    /// <returns>What the carrier offers now, or null when it offers nothing.</returns>
    CarrierDeliveryOffer? OfferFor(WatchedParcel parcel, DeliveryEstimate? estimate, DateTimeOffset now);
}

/// <summary>Delivery dates (local at the delivery address) and parcel shops a carrier offers for a parcel.</summary>
public sealed record CarrierDeliveryOffer(IReadOnlyList<DateOnly> Dates, IReadOnlyList<ParcelShop> Shops)
{
    /// <summary>
    /// The offer as the message for one watching shipment. Its id is derived from the shipment and the scan whose
    /// estimate it follows (or the watch), so a retry or a redelivery is the same offer.
    /// </summary>
    public DeliveryOptionsOffered For(ParcelWatcher watcher, string carrier, string trackingNumber, string basis, DateTimeOffset now) => new(
        StableIds.From("delivery-options", watcher.TenantId, watcher.ShipmentId.ToString(), basis),
        watcher.TenantId, watcher.ShipmentId, carrier, trackingNumber, Dates, Shops, now);
}
