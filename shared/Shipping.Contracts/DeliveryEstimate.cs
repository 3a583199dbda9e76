namespace Shipping.Contracts;

/// <summary>
/// An expected delivery day, optionally narrowed to a window. Window times carry their offsets.
/// </summary>
public sealed record DeliveryEstimate(DateOnly Date, DateTimeOffset? WindowStart = null, DateTimeOffset? WindowEnd = null)
{
    /// <summary>Whole days between this estimate and <paramref name="other"/> (positive when this one is later).</summary>
    public int DaysLaterThan(DateOnly other) => Date.DayNumber - other.DayNumber;
}
