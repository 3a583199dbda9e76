namespace Shipping.Contracts;

/// <summary>
/// An expected delivery day, optionally narrowed to a window of hours or widened to a range of days. Window times carry
/// their offsets.
/// </summary>
/// <param name="Date">The expected day (the first day of a range).</param>
/// <param name="LatestDate">The last day of a range of days (a promised window, or a prediction's 90th percentile); null for one day.</param>
public sealed record DeliveryEstimate(DateOnly Date, DateTimeOffset? WindowStart = null, DateTimeOffset? WindowEnd = null, DateOnly? LatestDate = null)
{
    /// <summary>Whole days between this estimate and <paramref name="other"/> (positive when this one is later).</summary>
    public int DaysLaterThan(DateOnly other) => Date.DayNumber - other.DayNumber;

    /// <summary>The last day this estimate allows.</summary>
    public DateOnly LastDay => LatestDate is { } latest && latest > Date ? latest : Date;
}
