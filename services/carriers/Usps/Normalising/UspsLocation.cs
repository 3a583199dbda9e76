using Shipping.Contracts;

namespace Shipping.Carriers.Usps.Normalising;

/// <summary>A USPS place (city, ZIP Code, state, country) as an <see cref="EventLocation"/> with an ISO country code.</summary>
public static class UspsLocation
{
    private static readonly HashSet<string> UnitedStates = new(StringComparer.OrdinalIgnoreCase) { "US", "USA", "UNITED STATES", "UNITED STATES OF AMERICA" };

    /// <returns>Null when USPS named no place at all.</returns>
    public static EventLocation? Of(string? city, string? zipCode, string? state, string? country)
    {
        city = Clean(city);
        zipCode = Clean(zipCode);
        state = Clean(state)?.ToUpperInvariant();
        country = Clean(country);

        // USPS's states are US states and territories, so a state without a country is in the US. A country
        // written out in full is kept only when it is the US: the contract wants ISO codes.
        var countryCode = country switch
        {
            null => state is null ? null : "US",
            _ when UnitedStates.Contains(country) => "US",
            { Length: 2 } => country.ToUpperInvariant(),
            _ => null,
        };

        return city is null && zipCode is null && state is null && countryCode is null
            ? null
            : new EventLocation(city, zipCode, countryCode, state);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
