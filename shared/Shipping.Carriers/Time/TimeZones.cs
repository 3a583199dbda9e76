using Shipping.Contracts;

namespace Shipping.Carriers.Time;

/// <summary>The time zone of a carrier location, from its country and, where a country spans zones, its region.</summary>
public static class TimeZones
{
    // Countries on one zone (or whose carriers' scans practically all are). IANA ids.
    private static readonly Dictionary<string, string> SingleZoneCountries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DE"] = "Europe/Berlin", ["AT"] = "Europe/Vienna", ["CH"] = "Europe/Zurich", ["FR"] = "Europe/Paris",
        ["NL"] = "Europe/Amsterdam", ["BE"] = "Europe/Brussels", ["LU"] = "Europe/Luxembourg", ["DK"] = "Europe/Copenhagen",
        ["SE"] = "Europe/Stockholm", ["NO"] = "Europe/Oslo", ["FI"] = "Europe/Helsinki", ["PL"] = "Europe/Warsaw",
        ["CZ"] = "Europe/Prague", ["SK"] = "Europe/Bratislava", ["HU"] = "Europe/Budapest", ["IT"] = "Europe/Rome",
        ["GB"] = "Europe/London", ["UK"] = "Europe/London", ["IE"] = "Europe/Dublin", ["GR"] = "Europe/Athens",
        ["RO"] = "Europe/Bucharest", ["BG"] = "Europe/Sofia", ["HR"] = "Europe/Zagreb", ["SI"] = "Europe/Ljubljana",
        ["EE"] = "Europe/Tallinn", ["LV"] = "Europe/Riga", ["LT"] = "Europe/Vilnius", ["TR"] = "Europe/Istanbul",
        ["JP"] = "Asia/Tokyo", ["KR"] = "Asia/Seoul", ["CN"] = "Asia/Shanghai", ["HK"] = "Asia/Hong_Kong",
        ["SG"] = "Asia/Singapore", ["IN"] = "Asia/Kolkata", ["AE"] = "Asia/Dubai", ["IL"] = "Asia/Jerusalem",
        ["ZA"] = "Africa/Johannesburg", ["NZ"] = "Pacific/Auckland", ["PR"] = "America/Puerto_Rico",
    };

    // US states and territories, by their dominant zone.
    private static readonly Dictionary<string, string> UsStates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CT"] = "America/New_York", ["DE"] = "America/New_York", ["DC"] = "America/New_York", ["FL"] = "America/New_York",
        ["GA"] = "America/New_York", ["IN"] = "America/Indiana/Indianapolis", ["KY"] = "America/New_York", ["ME"] = "America/New_York",
        ["MD"] = "America/New_York", ["MA"] = "America/New_York", ["MI"] = "America/Detroit", ["NH"] = "America/New_York",
        ["NJ"] = "America/New_York", ["NY"] = "America/New_York", ["NC"] = "America/New_York", ["OH"] = "America/New_York",
        ["PA"] = "America/New_York", ["RI"] = "America/New_York", ["SC"] = "America/New_York", ["VT"] = "America/New_York",
        ["VA"] = "America/New_York", ["WV"] = "America/New_York",
        ["AL"] = "America/Chicago", ["AR"] = "America/Chicago", ["IL"] = "America/Chicago", ["IA"] = "America/Chicago",
        ["KS"] = "America/Chicago", ["LA"] = "America/Chicago", ["MN"] = "America/Chicago", ["MS"] = "America/Chicago",
        ["MO"] = "America/Chicago", ["NE"] = "America/Chicago", ["ND"] = "America/Chicago", ["OK"] = "America/Chicago",
        ["SD"] = "America/Chicago", ["TN"] = "America/Chicago", ["TX"] = "America/Chicago", ["WI"] = "America/Chicago",
        ["AZ"] = "America/Phoenix", ["CO"] = "America/Denver", ["ID"] = "America/Boise", ["MT"] = "America/Denver",
        ["NM"] = "America/Denver", ["UT"] = "America/Denver", ["WY"] = "America/Denver",
        ["CA"] = "America/Los_Angeles", ["NV"] = "America/Los_Angeles", ["OR"] = "America/Los_Angeles", ["WA"] = "America/Los_Angeles",
        ["AK"] = "America/Anchorage", ["HI"] = "Pacific/Honolulu", ["PR"] = "America/Puerto_Rico", ["GU"] = "Pacific/Guam",
        ["VI"] = "America/St_Thomas", ["AS"] = "Pacific/Pago_Pago", ["MP"] = "Pacific/Saipan",
    };

    // Countries spanning zones, by province or state (ISO 3166-2 subdivision codes, as carriers send them).
    private static readonly Dictionary<string, Dictionary<string, string>> Regions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CA"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["NL"] = "America/St_Johns", ["NS"] = "America/Halifax", ["NB"] = "America/Moncton", ["PE"] = "America/Halifax",
            ["QC"] = "America/Toronto", ["ON"] = "America/Toronto", ["MB"] = "America/Winnipeg", ["SK"] = "America/Regina",
            ["AB"] = "America/Edmonton", ["BC"] = "America/Vancouver", ["YT"] = "America/Whitehorse", ["NT"] = "America/Yellowknife",
            ["NU"] = "America/Iqaluit",
        },
        ["AU"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["NSW"] = "Australia/Sydney", ["ACT"] = "Australia/Sydney", ["VIC"] = "Australia/Melbourne", ["TAS"] = "Australia/Hobart",
            ["QLD"] = "Australia/Brisbane", ["SA"] = "Australia/Adelaide", ["NT"] = "Australia/Darwin", ["WA"] = "Australia/Perth",
        },
        ["MX"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["BCN"] = "America/Tijuana", ["BC"] = "America/Tijuana", ["SON"] = "America/Hermosillo", ["CHH"] = "America/Chihuahua",
            ["SIN"] = "America/Mazatlan", ["BCS"] = "America/Mazatlan", ["NAY"] = "America/Mazatlan", ["ROO"] = "America/Cancun",
        },
        ["BR"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["AM"] = "America/Manaus", ["RR"] = "America/Boa_Vista", ["RO"] = "America/Porto_Velho", ["MT"] = "America/Cuiaba",
            ["MS"] = "America/Campo_Grande", ["AC"] = "America/Rio_Branco",
        },
    };

    // Where a multi-zone country's region is not listed, most of it (by population) keeps this zone.
    private static readonly Dictionary<string, string> MainZone = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MX"] = "America/Mexico_City", ["BR"] = "America/Sao_Paulo",
    };

    /// <summary>The zone of <paramref name="location"/>, or null when it cannot be told.</summary>
    public static TimeZoneInfo? ForLocation(EventLocation? location)
    {
        if (location?.CountryCode is not { Length: > 0 } country)
        {
            return null;
        }

        var id = country.ToUpperInvariant() switch
        {
            // A US location without its state: the ZIP code tells the state.
            "US" => (location.Region ?? UsZipCodes.StateOf(location.PostalCode)) is { } state && UsStates.TryGetValue(state, out var usZone) ? usZone : null,
            _ when Regions.TryGetValue(country, out var regions) =>
                location.Region is { } region && regions.TryGetValue(region, out var zone) ? zone : MainZone.GetValueOrDefault(country),
            _ => SingleZoneCountries.GetValueOrDefault(country),
        };
        return id is null ? null : TimeZoneInfo.FindSystemTimeZoneById(id);
    }
}
