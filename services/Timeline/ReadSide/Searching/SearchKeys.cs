using System.Globalization;
using Shipping.Contracts;

namespace Shipping.Timeline.ReadSide.Searching;

/// <summary>
/// The normalised forms that orders are found by. An order stores one key per way it can be found
/// (<see cref="ForOrder"/>); a search turns its input into every key it could mean (<see cref="ForQuery"/>) and
/// matches them exactly. Each key is prefixed with its kind, so an order number never matches a phone.
/// </summary>
public static class SearchKeys
{
    public static string OrderNumber(string orderNumber) => "order:" + orderNumber.Trim().ToUpperInvariant();

    public static string TrackingNumber(string trackingNumber) => "tracking:" + TrackingNumbers.Normalise(trackingNumber);

    public static string Email(string email) => "email:" + Emails.Normalise(email);

    public static string Phone(string e164) => "phone:" + e164;

    /// <summary>A phone's national significant number (E.164 without country code), for searches written nationally.</summary>
    public static string NationalPhone(string nationalNumber) => "phone-national:" + nationalNumber;

    /// <summary>Every key an order is found by: its number, its tracking numbers, its customer's email and phone.</summary>
    public static IReadOnlyList<string> ForOrder(string orderNumber, IEnumerable<string> trackingNumbers, string? email, string? phone, string locale)
    {
        var keys = new List<string> { OrderNumber(orderNumber) };
        keys.AddRange(trackingNumbers.Select(TrackingNumber));
        if (!string.IsNullOrWhiteSpace(email))
        {
            keys.Add(Email(email));
        }

        if (PhoneNumbers.ToE164(phone ?? "", PhoneNumbers.RegionOf(locale)) is { } e164)
        {
            keys.Add(Phone(e164));
            if (PhoneNumbers.NationalNumberOf(e164, PhoneNumbers.RegionOf(locale)) is { } national)
            {
                keys.Add(NationalPhone(national));
            }
        }

        return keys.Distinct().ToList();
    }

    /// <summary>
    /// The keys a search input may mean. Something with an @ is an email; something that reads as a phone number is a
    /// phone (international, or national with its trunk 0, matched against each order's own country); any input is also
    /// tried as an order number and as a tracking number.
    /// </summary>
    public static IReadOnlyList<string> ForQuery(string query)
    {
        var q = query.Trim();
        var keys = new List<string>();
        if (q.Contains('@'))
        {
            keys.Add(Email(q));
            return keys;
        }

        if (PhoneNumbers.ToE164(q, region: null) is { } e164)
        {
            keys.Add(Phone(e164));
        }
        else if (PhoneNumbers.NationalNumberOfNationalInput(q) is { } national)
        {
            keys.Add(NationalPhone(national));
        }

        if (!q.Any(char.IsWhiteSpace))
        {
            keys.Add(OrderNumber(q));
        }

        keys.Add(TrackingNumber(q));
        return keys.Distinct().ToList();
    }
}

public static class Emails
{
    /// <summary>Emails compare trimmed and lower-cased (the local part is case-insensitive in practice).</summary>
    public static string Normalise(string email) => email.Trim().ToLowerInvariant();
}

/// <summary>
/// Phone numbers to E.164 (+ and digits), kept simple on purpose:
/// <list type="bullet">
/// <item>spaces, dashes, dots, slashes and parentheses are ignored: "+49 (151) 1234-5678";</item>
/// <item>"+" or "00" starts an international number: "+49 151…", "0049 151…" → +49151…;</item>
/// <item>a national number starts with the trunk prefix 0 ("(0151) 1234 5678"); it becomes E.164 with the calling
/// code of the region (from the order's locale, e.g. de-DE → +49) by dropping that 0. Italy keeps its leading 0
/// (+39 06…). A number of the North American plan (region US, CA) has ten digits without trunk prefix;</item>
/// <item>anything else (letters, too short or too long, a region we have no calling code for) is not a phone number.</item>
/// </list>
/// </summary>
public static class PhoneNumbers
{
    private static readonly Dictionary<string, string> CallingCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DE"] = "49", ["AT"] = "43", ["CH"] = "41", ["LI"] = "423", ["FR"] = "33", ["BE"] = "32", ["NL"] = "31",
        ["LU"] = "352", ["GB"] = "44", ["IE"] = "353", ["IT"] = "39", ["ES"] = "34", ["PT"] = "351", ["PL"] = "48",
        ["CZ"] = "420", ["SK"] = "421", ["HU"] = "36", ["DK"] = "45", ["SE"] = "46", ["NO"] = "47", ["FI"] = "358",
        ["GR"] = "30", ["RO"] = "40", ["BG"] = "359", ["HR"] = "385", ["SI"] = "386", ["TR"] = "90", ["AU"] = "61",
        ["NZ"] = "64", ["JP"] = "81", ["US"] = "1", ["CA"] = "1",
    };

    /// <summary>The region (ISO 3166-1 alpha-2) of a locale such as de-DE, or null for a neutral one such as "de".</summary>
    public static string? RegionOf(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(locale);
            return culture.IsNeutralCulture || culture.Equals(CultureInfo.InvariantCulture) ? null : new RegionInfo(culture.Name).TwoLetterISORegionName;
        }
        catch (Exception e) when (e is CultureNotFoundException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The number in E.164, or null when it is not a phone number (or is national and the region is unknown).</summary>
    public static string? ToE164(string input, string? region)
    {
        var compact = Compact(input);
        if (compact is null)
        {
            return null;
        }

        string? international = compact switch
        {
            ['+', .. var rest] => rest,
            ['0', '0', .. var rest] => rest,
            _ => null,
        };
        if (international is not null)
        {
            return IsE164Digits(international) ? "+" + international : null;
        }

        if (region is null || !CallingCodes.TryGetValue(region, out var code))
        {
            return null;
        }

        var national = NationalSignificant(compact, code);
        return national is not null && IsE164Digits(code + national) ? "+" + code + national : null;
    }

    /// <summary>The national significant number of an E.164 number that belongs to the region, else null.</summary>
    public static string? NationalNumberOf(string e164, string? region) =>
        region is not null && CallingCodes.TryGetValue(region, out var code) && e164.StartsWith("+" + code, StringComparison.Ordinal)
            ? e164[(code.Length + 1)..]
            : null;

    /// <summary>
    /// For a search typed nationally with its trunk 0 ("(0151) 1234 5678"): the national significant number
    /// ("15112345678"), to be matched against orders whose phone is in their own country. Null for anything else.
    /// </summary>
    public static string? NationalNumberOfNationalInput(string input) =>
        Compact(input) is ['0', not '0', ..] compact && compact.Length is >= 6 and <= 15 ? compact[1..] : null;

    private static string? NationalSignificant(string compact, string code) => code switch
    {
        "39" => compact, // Italy: the leading 0 of landlines is part of the number.
        "1" => compact.Length == 10 ? compact : compact.Length == 11 && compact[0] == '1' ? compact[1..] : null,
        _ => compact is ['0', not '0', ..] ? compact[1..] : null,
    };

    /// <summary>The input without separators, or null when it holds anything but digits, separators and a leading +.</summary>
    private static string? Compact(string input)
    {
        var compact = string.Concat(input.Where(c => !(char.IsWhiteSpace(c) || c is '-' or '.' or '/' or '(' or ')')));
        if (compact.Length == 0)
        {
            return null;
        }

        var digits = compact[0] == '+' ? compact[1..] : compact;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) ? compact : null;
    }

    private static bool IsE164Digits(string digits) => digits.Length is >= 7 and <= 15 && digits[0] != '0';
}
