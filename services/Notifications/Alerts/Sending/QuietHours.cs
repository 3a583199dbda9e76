namespace Shipping.Notifications.Alerts.Sending;

/// <summary>Quiet hours in the customer's own zone: nothing goes out between <c>start</c> and <c>end</c> local time.</summary>
public static class QuietHours
{
    public static TimeZoneInfo Zone(string? ianaId, string fallback)
    {
        foreach (var id in new[] { ianaId, fallback })
        {
            if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }

        return TimeZoneInfo.Utc;
    }

    /// <returns>Null when <paramref name="now"/> is outside quiet hours; otherwise the instant they end (with its offset).</returns>
    public static DateTimeOffset? HeldUntil(DateTimeOffset now, TimeZoneInfo zone, TimeOnly start, TimeOnly end)
    {
        if (start == end)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var spansMidnight = start > end;
        var quiet = spansMidnight ? time >= start || time < end : time >= start && time < end;
        if (!quiet)
        {
            return null;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        if (time >= end && (spansMidnight || time >= start))
        {
            day = day.AddDays(1); // evening: the quiet hours end tomorrow morning
        }

        return AtLocal(day, end, zone);
    }

    /// <summary>The instant a local time happens in a zone; a time skipped by a clock change moves to the change.</summary>
    public static DateTimeOffset AtLocal(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>Today's date where the customer is.</summary>
    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
}
