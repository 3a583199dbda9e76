using System.Globalization;
using Shipping.Carriers.Time;
using Shipping.Contracts;

namespace Shipping.Carriers.Ups.Normalising;

/// <summary>The JSON field names of one timestamp, for error messages (they differ between the Track API and Track Alert).</summary>
internal sealed record TimestampFields(string LocalDate, string LocalTime, string GmtDate, string GmtTime, string GmtOffset);

/// <summary>A UPS timestamp as written: split local and GMT date and time, and the offset, each possibly missing.</summary>
internal sealed record UpsTimestamp(string? LocalDate, string? LocalTime, string? GmtDate, string? GmtTime, string? GmtOffset);

/// <summary>
/// UPS dates (<c>YYYYMMDD</c>), times (<c>HHMMSS</c>, not always zero-padded: <c>74700</c> is 07:47:00) and offsets
/// (<c>-05:00</c> in the Track API, <c>-04.00</c> in Track Alert), put together into an instant with its local offset.
/// </summary>
internal static class UpsTime
{
    /// <summary>UTC offsets in use on Earth span -12:00 to +14:00.</summary>
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>HHMMSS, where UPS may drop leading zeros (it writes the time as a number would be).</summary>
    public static bool TryParseTime(string? text, out TimeOnly time)
    {
        time = default;
        var digits = text?.Trim();
        if (string.IsNullOrEmpty(digits) || digits.Length > 6 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        digits = digits.PadLeft(6, '0');
        var (hours, minutes, seconds) = (int.Parse(digits[..2], CultureInfo.InvariantCulture),
            int.Parse(digits[2..4], CultureInfo.InvariantCulture), int.Parse(digits[4..], CultureInfo.InvariantCulture));
        if (hours > 23 || minutes > 59 || seconds > 59)
        {
            return false;
        }

        time = new TimeOnly(hours, minutes, seconds);
        return true;
    }

    /// <summary><c>-05:00</c>, <c>-04.00</c> (HH.MM, Track Alert), <c>+0530</c> or <c>-05</c>.</summary>
    public static bool TryParseOffset(string? text, out TimeSpan offset)
    {
        offset = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value[0] is not ('+' or '-'))
        {
            return false;
        }

        var digits = value[1..].Replace(":", "").Replace(".", "");
        if (digits.Length is not (2 or 4) || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = digits.Length == 4 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        if (minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (value[0] == '-' ? -1 : 1);
        return offset.Duration() <= MaxOffset;
    }

    /// <summary>
    /// When the event happened, with the offset of where it happened. The local date and time take the offset UPS
    /// gives; without one, the difference to the GMT date and time; without those, the zone of the event's location.
    /// Only a GMT date and time: that instant, shown in the given offset or the location's zone. Never silently UTC.
    /// </summary>
    /// <returns>The instant, or null with the reasons added to <paramref name="errors"/> under the fields' names.</returns>
    public static DateTimeOffset? Resolve(
        UpsTimestamp stamp, EventLocation? location, TimestampFields fields, IDictionary<string, string[]> errors)
    {
        var failed = false;
        var local = DateTimeOf(stamp.LocalDate, stamp.LocalTime, fields.LocalDate, fields.LocalTime, errors, ref failed);
        var gmt = DateTimeOf(stamp.GmtDate, stamp.GmtTime, fields.GmtDate, fields.GmtTime, errors, ref failed);
        TimeSpan? offset = null;
        if (!string.IsNullOrWhiteSpace(stamp.GmtOffset))
        {
            if (TryParseOffset(stamp.GmtOffset, out var parsed))
            {
                offset = parsed;
            }
            else
            {
                errors[fields.GmtOffset] = [$"'{stamp.GmtOffset}' is not a UTC offset (-05:00 or -04.00)."];
                failed = true;
            }
        }

        if (failed)
        {
            return null;
        }

        var zone = TimeZones.ForLocation(location);
        if (local is { } localTime)
        {
            if (offset is { } given)
            {
                return new DateTimeOffset(localTime, given);
            }

            if (gmt is { } gmtTime && localTime - gmtTime is var difference && IsPlausibleOffset(difference))
            {
                return new DateTimeOffset(localTime, difference);
            }

            if (zone is not null)
            {
                return CarrierTime.InZone(localTime, zone);
            }

            errors[fields.LocalTime] = [
                $"The local time has no {fields.GmtOffset}, no matching {fields.GmtDate}/{fields.GmtTime}, " +
                "and the time zone of the event's location is not known."];
            return null;
        }

        if (gmt is { } utc)
        {
            var instant = new DateTimeOffset(utc, TimeSpan.Zero);
            return offset is { } given ? instant.ToOffset(given)
                : zone is not null ? TimeZoneInfo.ConvertTime(instant, zone)
                : instant;
        }

        errors[fields.LocalDate] = [$"The event's date and time are required ({fields.LocalDate} and {fields.LocalTime}, or {fields.GmtDate} and {fields.GmtTime})."];
        return null;
    }

    /// <summary>A date and a time at that place, or null when neither is given; an error when only one is, or one is malformed.</summary>
    private static DateTime? DateTimeOf(
        string? dateText, string? timeText, string dateField, string timeField, IDictionary<string, string[]> errors, ref bool failed)
    {
        var hasDate = !string.IsNullOrWhiteSpace(dateText);
        var hasTime = !string.IsNullOrWhiteSpace(timeText);
        if (!hasDate && !hasTime)
        {
            return null;
        }

        if (!TryParseDate(dateText, out var date))
        {
            errors[dateField] = [hasDate ? $"'{dateText}' is not a date written YYYYMMDD." : $"{dateField} is required with {timeField}."];
            failed = true;
        }

        if (!TryParseTime(timeText, out var time))
        {
            errors[timeField] = [hasTime ? $"'{timeText}' is not a time written HHMMSS." : $"{timeField} is required with {dateField}."];
            failed = true;
        }

        return failed ? null : date.ToDateTime(time, DateTimeKind.Unspecified);
    }

    /// <summary>A difference between local and GMT clocks that can be a zone's offset: whole quarter hours, within ±14 h.</summary>
    private static bool IsPlausibleOffset(TimeSpan difference) =>
        difference.Duration() <= MaxOffset && difference.Ticks % TimeSpan.FromMinutes(15).Ticks == 0;
}
