namespace Shipping.Timeline.Shipments;

/// <summary>
/// A postcode's region: coarse enough to say nothing about a person, fine enough that parcels between two regions travel
/// alike. Germany, Austria, Switzerland and most countries: the first two digits (DE-04 is Leipzig's area); the United
/// States: the three-digit sectional centre (US-100); the United Kingdom and Ireland: the letters of the postcode area
/// (GB-SW); the Netherlands: the first two digits.
/// </summary>
public static class PostcodeRegions
{
    public static string? Of(string? countryCode, string? postalCode)
    {
        var country = countryCode?.Trim().ToUpperInvariant();
        var code = new string((postalCode ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        if (string.IsNullOrEmpty(country) || country.Length != 2 || code.Length == 0)
        {
            return null;
        }

        var region = country switch
        {
            "US" => code.Length >= 3 ? code[..3] : null,
            "GB" or "IE" => new string(code.TakeWhile(char.IsLetter).ToArray()) is { Length: > 0 } area ? area : null,
            _ => code.Length >= 2 ? code[..2] : null,
        };
        return region is null ? null : $"{country}-{region}";
    }
}
