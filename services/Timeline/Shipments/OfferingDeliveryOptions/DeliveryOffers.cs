using Shipping.Contracts;

namespace Shipping.Timeline.Shipments.OfferingDeliveryOptions;

/// <summary>The carrier's newest offer for a shipment, recorded on its stream. Holds no personal data (shops are businesses).</summary>
public sealed record DeliveryOptionsRecorded(
    Guid OfferId, IReadOnlyList<DateOnly> Dates, IReadOnlyList<ParcelShop> Shops, DateTimeOffset OfferedAt);

/// <summary>
/// Which dates and parcel shops a delivery change may ask for — one rule for the decision (<see cref="ShipmentDecider"/>)
/// and for what the tracking page and the console offer (<c>ShipmentDetails.DeliveryOptions</c>).
/// </summary>
public static class DeliveryOffers
{
    /// <summary>How many working days are offered when the carrier offered no dates (<see cref="DeliveryDates.FallbackDays"/>).</summary>
    public const int FallbackDays = DeliveryDates.FallbackDays;

    /// <summary>
    /// The carrier's offered dates still in the future in the customer's zone (after <paramref name="today"/>). When the
    /// carrier offered none: the next <see cref="FallbackDays"/> working days after the expected delivery (and after today).
    /// The rule lives in <see cref="DeliveryDates.Allowed"/>, shared with Notifications, which offers these dates in alerts.
    /// </summary>
    public static IReadOnlyList<DateOnly> DatesFor(IReadOnlyList<DateOnly>? carrierDates, DateOnly? expected, DateOnly today) =>
        DeliveryDates.Allowed(carrierDates, expected, today);

    /// <summary>The carrier's offered shops (source <c>carrier</c>), then the retailer's own (source <c>retailer</c>); an id once.</summary>
    public static IReadOnlyList<ParcelShop> ShopsFor(IReadOnlyList<ParcelShop>? carrierShops, IReadOnlyList<ParcelShop>? retailerShops)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shops = new List<ParcelShop>();
        foreach (var shop in (carrierShops ?? []).Select(s => s with { Source = ParcelShop.Carrier })
                     .Concat((retailerShops ?? []).Select(s => s with { Source = ParcelShop.Retailer })))
        {
            if (seen.Add(shop.Id))
            {
                shops.Add(shop);
            }
        }

        return shops;
    }

    /// <summary>Today in the customer's zone (UTC when it is not known).</summary>
    public static DateOnly Today(DateTimeOffset now, string? customerTimeZone) =>
        customerTimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime)
            : DateOnly.FromDateTime(now.UtcDateTime);
}
