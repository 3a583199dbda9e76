using System.Globalization;
using System.Text.RegularExpressions;
using Shipping.Carriers.Time;
using Shipping.Carriers.Usps.Tracking;
using Shipping.Contracts;

namespace Shipping.Carriers.Usps.Normalising;

/// <summary>
/// When a USPS event happened, with the offset of the place it happened. USPS gives up to three clues:
/// <c>eventTimestamp</c> (local; with or without an offset, with a 'T' or a space, or only a date),
/// <c>GMTTimestamp</c> (the instant, in GMT) and <c>GMTOffset</c> (the local offset: "-5:00", "-05:00", or minutes, -420).
/// </summary>
public static partial class UspsEventTime
{
    /// <summary>The most exact reading the clues allow, in this order:
    /// a local time written with its offset; the GMT instant shown at the local offset (GMTOffset, else the
    /// difference between the local and the GMT reading, else the location's zone); a local time at GMTOffset, else
    /// in the location's zone; a bare date as the start of that local day. A local time is never read as UTC.</summary>
    /// <exception cref="FormatException">No readable time, or a local time whose offset cannot be known.</exception>
    public static DateTimeOffset Resolve(UspsTrackingEvent e, EventLocation? location)
    {
        var local = Clean(e.EventTimestamp);
        var gmt = Clean(e.GmtTimestamp);
        var offset = ParseOffset(e.GmtOffset);

        if (local is not null && !IsDateOnly(local) && HasNumericOffset(local))
        {
            return CarrierTime.Parse(local, location);
        }

        if (gmt is not null)
        {
            var instant = ParseGmt(gmt);
            return instant.ToOffset(offset ?? OffsetBetween(local, instant) ?? ZoneOffset(instant, location) ?? TimeSpan.Zero);
        }

        if (local is null)
        {
            throw new FormatException("The event has neither eventTimestamp nor GMTTimestamp.");
        }

        if (IsDateOnly(local))
        {
            var midnight = DateOnly.ParseExact(local, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue);
            if (offset is { } dayOffset)
            {
                return new DateTimeOffset(midnight, dayOffset);
            }

            var zone = TimeZones.ForLocation(location)
                ?? throw new FormatException($"'{local}' is a date without a time, and the zone of the event's location is not known.");
            return CarrierTime.InZone(midnight, zone);
        }

        if (EndsInZ(local))
        {
            var instant = DateTimeOffset.Parse(WithT(local), CultureInfo.InvariantCulture, DateTimeStyles.None);
            return instant.ToOffset(offset ?? ZoneOffset(instant, location) ?? TimeSpan.Zero);
        }

        if (offset is { } known)
        {
            return new DateTimeOffset(DateTime.Parse(WithT(local), CultureInfo.InvariantCulture, DateTimeStyles.None), known);
        }

        return CarrierTime.Parse(local, location);
    }

    /// <summary>GMTOffset as a UTC offset: "-5:00", "-05:00", "+0530", or a whole number (hours up to 14, else minutes). Null when absent or unreadable.</summary>
    public static TimeSpan? ParseOffset(string? text)
    {
        var value = Clean(text);
        if (value is null)
        {
            return null;
        }

        TimeSpan? offset = null;
        if (OffsetText().Match(value) is { Success: true } m)
        {
            var sign = m.Groups["sign"].Value == "-" ? -1 : 1;
            offset = sign * new TimeSpan(int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), 0);
        }
        else if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            offset = Math.Abs(number) <= 14 ? TimeSpan.FromHours(number) : TimeSpan.FromMinutes(number);
        }

        return offset is { } o && o.Duration() <= TimeSpan.FromHours(14) ? o : null;
    }

    private static DateTimeOffset ParseGmt(string text) =>
        HasNumericOffset(text) || EndsInZ(text)
            ? DateTimeOffset.Parse(WithT(text), CultureInfo.InvariantCulture, DateTimeStyles.None)
            // The field is GMT by definition, so a reading without a designator is still UTC.
            : new DateTimeOffset(DateTime.Parse(WithT(text), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    /// <summary>The local reading minus the GMT one, when both are given: the local offset, exactly (if it is a plausible one).</summary>
    private static TimeSpan? OffsetBetween(string? local, DateTimeOffset instant)
    {
        if (local is null || IsDateOnly(local) || EndsInZ(local)
            || !DateTime.TryParse(WithT(local), CultureInfo.InvariantCulture, DateTimeStyles.None, out var reading))
        {
            return null;
        }

        var offset = reading - instant.UtcDateTime;
        return offset.Duration() <= TimeSpan.FromHours(14) && offset.Ticks % TimeSpan.FromMinutes(15).Ticks == 0 ? offset : null;
    }

    private static TimeSpan? ZoneOffset(DateTimeOffset instant, EventLocation? location) =>
        TimeZones.ForLocation(location)?.GetUtcOffset(instant);

    private static bool IsDateOnly(string text) => text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    // Only the time part may carry an offset (the date's own hyphens must not look like one).
    private static bool HasNumericOffset(string text) => text.Length > 11 && TrailingOffset().IsMatch(text[11..]);

    private static bool EndsInZ(string text) => text.Length > 11 && (text.EndsWith('Z') || text.EndsWith('z'));

    private static string WithT(string text) => text.Length > 10 && text[10] == ' ' ? string.Concat(text.AsSpan(0, 10), "T", text.AsSpan(11)) : text;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"[+-]\d{2}(:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingOffset();

    // "-5:00", "-05:00" or "-0500"; a bare "-420" is minutes, read as a number.
    [GeneratedRegex(@"^(?<sign>[+-])?(?:(?<h>\d{1,2}):(?<m>\d{2})|(?<h>\d{2})(?<m>\d{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetText();
}
