using Microsoft.Extensions.Options;
using Shipping.Carriers.DeliveryChanges;
using Shipping.Carriers.Watching;
using Shipping.Contracts;

namespace Shipping.Carriers.Simulator;

/// <summary>
/// The simulated carrier offers the next working days from its estimate on (<c>Simulator:DeliveryOptions:Days</c>,
/// from tomorrow at the earliest, in Berlin where it "delivers"), and its configured parcel shops
/// (<c>Simulator:DeliveryOptions:Shops</c>).
/// </summary>
public sealed class SimulatorDeliveryOffers(IOptionsMonitor<SimulatorOptions> options) : ICarrierDeliveryOffers
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public CarrierDeliveryOffer? OfferFor(WatchedParcel parcel, DeliveryEstimate? estimate, DateTimeOffset now)
    {
        var settings = options.CurrentValue.DeliveryOptions;
        var shops = Shops(settings);
        var dates = Dates(estimate?.Date, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Berlin).DateTime), settings.Days);
        return dates.Count == 0 && shops.Count == 0 ? null : new CarrierDeliveryOffer(dates, shops);
    }

    /// <summary><paramref name="count"/> working days from <paramref name="estimate"/> on, none before tomorrow.</summary>
    public static IReadOnlyList<DateOnly> Dates(DateOnly? estimate, DateOnly today, int count)
    {
        var days = new List<DateOnly>();
        for (var day = estimate is { } e && e > today ? e : today.AddDays(1); days.Count < Math.Clamp(count, 0, 30); day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(day);
            }
        }

        return days;
    }

    public static IReadOnlyList<ParcelShop> Shops(SimulatorOptions.DeliveryOfferOptions settings) =>
        [.. settings.Shops.Where(s => s.Id.Length > 0)
            .Select(s => new ParcelShop(s.Id, s.Name, s.Street, s.PostalCode, s.City, s.CountryCode, ParcelShop.Carrier, s.OpeningHours))];
}
