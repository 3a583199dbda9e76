using System.Globalization;
using System.Text.RegularExpressions;
using Shipping.Contracts;

namespace Shipping.Carriers.Time;

/// <summary>
/// Carrier timestamps with their real offsets. A timestamp written with an offset keeps it. One written
/// without is local time at the event's location, so it is read in that location's zone, never as UTC.
/// </summary>
public static partial class CarrierTime
{
    /// <summary>Parses an ISO 8601 timestamp (a space instead of the 'T' is accepted).</summary>
    /// <exception cref="FormatException">Not a timestamp, or no offset and no zone known for the location.</exception>
    public static DateTimeOffset Parse(string text, EventLocation? location)
    {
        var value = text.Trim();
        if (value.Length > 10 && value[10] == ' ')
        {
            value = string.Concat(value.AsSpan(0, 10), "T", value.AsSpan(11));
        }

        if (HasOffset().IsMatch(value))
        {
            return DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.None);
        }

        var local = DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.None);
        var zone = TimeZones.ForLocation(location)
            ?? throw new FormatException(
                $"'{text}' has no UTC offset and the zone of its location ({Describe(location)}) is not known.");
        return InZone(local, zone);
    }

    /// <summary>Attaches the offset that <paramref name="zone"/> had at local time <paramref name="local"/>.</summary>
    public static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // A clock reading that does not exist (skipped when summer time starts): the carrier's clock
            // was still on the old offset, so read it with the offset from just before the gap.
            return new DateTimeOffset(local, zone.GetUtcOffset(local.AddHours(-2)));
        }

        // An ambiguous reading (the hour repeated when summer time ends) gets the earlier, summer-time offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private static string Describe(EventLocation? location) =>
        location is null ? "none given" : string.Join(", ", new[] { location.City, location.PostalCode, location.Region, location.CountryCode }.Where(p => !string.IsNullOrEmpty(p)));

    [GeneratedRegex(@"(Z|[+-]\d{2}(:?\d{2})?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HasOffset();
}
