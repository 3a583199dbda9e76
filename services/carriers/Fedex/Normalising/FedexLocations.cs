using Shipping.Carriers.Fedex.Tracking;
using Shipping.Contracts;

namespace Shipping.Carriers.Fedex.Normalising;

public static class FedexLocations
{
    /// <summary>A FedEx address as an event location (no street lines), or null when it names no place at all.</summary>
    public static EventLocation? From(FedexAddress? address)
    {
        var city = Clean(address?.City);
        var postalCode = Clean(address?.PostalCode);
        var country = Clean(address?.CountryCode)?.ToUpperInvariant();
        var region = Clean(address?.StateOrProvinceCode)?.ToUpperInvariant();
        return city is null && postalCode is null && country is null && region is null
            ? null
            : new EventLocation(city, postalCode, country, region);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
