using System.Globalization;

namespace Shipping.Web.Console;

/// <summary>Times in the console: shown in a chosen zone with their offset, and read from a datetime-local input in a zone.</summary>
public static class ConsoleTimes
{
    public const string InputFormat = "yyyy-MM-ddTHH:mm";

    public static TimeZoneInfo ZoneOrUtc(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool IsKnownZone(string? id) => !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out _);

    /// <summary>e.g. <c>2026-11-20 10:00:00 +01:00</c>: the moment in <paramref name="zone"/>, with that zone's offset then.</summary>
    public static string Show(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    public static string Input(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString(InputFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// A wall-clock time (a datetime-local input, <c>2026-11-20T10:00</c>, seconds optional) read in <paramref name="zone"/>:
    /// the offset the zone had then. A time the clocks skipped is read with the offset before the change (so 02:30 on the
    /// spring-forward night means 03:30 summer time); a time that came twice means its first occurrence.
    /// </summary>
    public static DateTimeOffset? ParseLocal(string? input, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(input)
            || !DateTime.TryParseExact(input.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return new DateTimeOffset(local, zone.GetUtcOffset(local.AddHours(-3)));
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
