using Shipping.Contracts;

namespace Shipping.Carriers.Ups.Normalising;

/// <summary>UPS's delivery estimates as a <see cref="DeliveryEstimate"/>, with the window when UPS gives one.</summary>
internal static class UpsEstimates
{
    /// <summary>Track API <c>deliveryTime.type</c> values that are a window: estimated, confirmed, imminent.</summary>
    private static readonly HashSet<string> WindowTypes = new(StringComparer.OrdinalIgnoreCase) { "EDW", "CDW", "IDW" };

    /// <summary>The commit time: delivery by <c>endTime</c>.</summary>
    private const string CommitTime = "CMT";

    /// <summary>
    /// The Track API's estimate: the rescheduled date (RDD) over the scheduled one (SDD); a delivered date (DEL) is
    /// not an estimate. The <c>deliveryTime</c> window applies for EDW/CDW/IDW, a commit time (CMT) as the window's
    /// end; end of day (EOD) has no times.
    /// </summary>
    public static DeliveryEstimate? FromTrackApi(
        IReadOnlyList<Tracking.TrackDeliveryDate>? dates, Tracking.TrackDeliveryTime? time,
        Func<DateOnly, TimeOnly, DateTimeOffset> clock, IDictionary<string, string[]> errors, string field)
    {
        var chosen = dates?.FirstOrDefault(d => Is(d.Type, "RDD")) ?? dates?.FirstOrDefault(d => Is(d.Type, "SDD"));
        if (chosen is null)
        {
            return null;
        }

        if (!UpsTime.TryParseDate(chosen.Date, out var date))
        {
            errors[$"{field}.deliveryDate"] = [$"'{chosen.Date}' is not a date written YYYYMMDD."];
            return null;
        }

        var window = time?.Type?.Trim();
        var start = window is not null && WindowTypes.Contains(window) ? time!.StartTime : null;
        var end = window is not null && (WindowTypes.Contains(window) || Is(window, CommitTime)) ? time!.EndTime : null;
        return WithWindow(date, start, end, clock, errors, $"{field}.deliveryTime.startTime", $"{field}.deliveryTime.endTime");
    }

    /// <summary>Track Alert's <c>scheduledDeliveryDate</c> with <c>deliveryStartTime</c>/<c>deliveryEndTime</c>.</summary>
    public static DeliveryEstimate? FromTrackAlert(
        string? scheduledDate, string? startTime, string? endTime, Func<DateOnly, TimeOnly, DateTimeOffset> clock,
        IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(scheduledDate))
        {
            return null;
        }

        DateOnly? date = UpsTime.TryParseDate(scheduledDate, out var parsed) ? parsed : null;
        if (date is null)
        {
            errors["scheduledDeliveryDate"] = [$"'{scheduledDate}' is not a date written YYYYMMDD."];
        }

        return WithWindow(date, startTime, endTime, clock, errors, "deliveryStartTime", "deliveryEndTime");
    }

    /// <summary>The estimate for <paramref name="date"/>; its times are checked even when the date is not valid.</summary>
    private static DeliveryEstimate? WithWindow(
        DateOnly? date, string? startText, string? endText, Func<DateOnly, TimeOnly, DateTimeOffset> clock,
        IDictionary<string, string[]> errors, string startField, string endField)
    {
        DateTimeOffset? At(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (UpsTime.TryParseTime(text, out var time))
            {
                return date is { } day ? clock(day, time) : null;
            }

            errors[field] = [$"'{text}' is not a time written HHMMSS."];
            return null;
        }

        var start = At(startText, startField);
        var end = At(endText, endField);
        return date is { } day ? new DeliveryEstimate(day, start, end) : null;
    }

    private static bool Is(string? value, string expected) => string.Equals(value?.Trim(), expected, StringComparison.OrdinalIgnoreCase);
}
