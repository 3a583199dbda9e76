using Shipping.Carriers.Time;
using System.Text.RegularExpressions;
using Shipping.Contracts;

namespace Shipping.Carriers.Dhl.Normalising;

/// <summary>
/// DHL's <c>address</c> as an <see cref="EventLocation"/>. DHL puts everything it knows into <c>addressLocality</c>, in
/// several shapes: "Wilmette, IL, US", "Radefeld, Germany", "Oderweg 2, AMSTERDAM", or only "Germany".
/// </summary>
public static partial class DhlLocations
{
    // Country names DHL writes into addressLocality instead of a countryCode (English and local spellings).
    private static readonly Dictionary<string, string> CountryNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Germany"] = "DE", ["Deutschland"] = "DE", ["Netherlands"] = "NL", ["The Netherlands"] = "NL", ["Nederland"] = "NL",
        ["United States"] = "US", ["United States of America"] = "US", ["USA"] = "US", ["United Kingdom"] = "GB",
        ["Great Britain"] = "GB", ["Austria"] = "AT", ["Österreich"] = "AT", ["Switzerland"] = "CH", ["Schweiz"] = "CH",
        ["France"] = "FR", ["Belgium"] = "BE", ["Belgien"] = "BE", ["Luxembourg"] = "LU", ["Poland"] = "PL", ["Polska"] = "PL",
        ["Czech Republic"] = "CZ", ["Czechia"] = "CZ", ["Denmark"] = "DK", ["Sweden"] = "SE", ["Italy"] = "IT", ["Spain"] = "ES",
    };

    /// <summary>The location, or null when the address says nothing.</summary>
    public static EventLocation? From(Tracking.DhlAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        var country = Clean(address.CountryCode)?.ToUpperInvariant();
        var postalCode = Clean(address.PostalCode);
        var parts = (address.AddressLocality ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

        if (parts.Count > 0 && (string.Equals(parts[^1], country, StringComparison.OrdinalIgnoreCase) || CountryNames.ContainsKey(parts[^1])))
        {
            country ??= CountryNames.TryGetValue(parts[^1], out var named) ? named : parts[^1].ToUpperInvariant();
            parts.RemoveAt(parts.Count - 1);
        }

        string? region = null;
        if (country == "US" && parts.Count >= 2 && StateCode().IsMatch(parts[^1]))
        {
            region = parts[^1].ToUpperInvariant();
            parts.RemoveAt(parts.Count - 1);
        }

        if (country == "US")
        {
            region ??= UsZipCodes.StateOf(postalCode);
        }

        // What is left is "[street, ]city": only the city is kept.
        var city = parts.Count > 0 ? parts[^1] : null;
        return city is null && postalCode is null && country is null ? null : new EventLocation(city, postalCode, country, region);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[A-Za-z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex StateCode();
}
