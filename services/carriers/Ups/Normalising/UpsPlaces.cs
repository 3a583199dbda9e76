using Shipping.Carriers.Time;
using Shipping.Contracts;

namespace Shipping.Carriers.Ups.Normalising;

internal static class UpsPlaces
{
    /// <summary>An event location from UPS's address parts; null when UPS gave none of them.</summary>
    public static EventLocation? Location(string? city, string? stateProvince, string? postalCode, string? country)
    {
        var location = new EventLocation(Clean(city), Clean(postalCode), Clean(country)?.ToUpperInvariant(), Clean(stateProvince)?.ToUpperInvariant());
        return location is { City: null, PostalCode: null, CountryCode: null, Region: null } ? null : location;
    }

    /// <summary>
    /// Reads a delivery window's clock times (local at the destination) in the zone of <paramref name="place"/>, or,
    /// when that zone is unknown, with the offset of the event that reported the estimate.
    /// </summary>
    public static Func<DateOnly, TimeOnly, DateTimeOffset> LocalClock(EventLocation? place, TimeSpan fallbackOffset)
    {
        var zone = TimeZones.ForLocation(place);
        return (date, time) => zone is null
            ? new DateTimeOffset(date.ToDateTime(time), fallbackOffset)
            : CarrierTime.InZone(date.ToDateTime(time), zone);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
