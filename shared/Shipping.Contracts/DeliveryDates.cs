namespace Shipping.Contracts;

/// <summary>
/// Which delivery dates a NewDate change may ask for — the one rule Timeline decides with and Notifications offers by, so
/// a customer is never offered a date Timeline then refuses.
/// </summary>
public static class DeliveryDates
{
    /// <summary>How many working days are allowed when the carrier offered no dates.</summary>
    public const int FallbackDays = 5;

    /// <summary>
    /// The carrier's offered dates still in the future in the customer's zone (after <paramref name="today"/>), in order,
    /// each once. When the carrier offered none: the next <see cref="FallbackDays"/> working days (Monday to Friday) after
    /// the expected delivery <paramref name="expected"/> (and after today).
    /// </summary>
    public static IReadOnlyList<DateOnly> Allowed(IReadOnlyList<DateOnly>? carrierDates, DateOnly? expected, DateOnly today)
    {
        if (carrierDates is { Count: > 0 })
        {
            return [.. carrierDates.Where(d => d > today).Distinct().Order()];
        }

        var after = expected is { } e && e > today ? e : today;
        var days = new List<DateOnly>(FallbackDays);
        for (var day = after.AddDays(1); days.Count < FallbackDays; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                days.Add(day);
            }
        }

        return days;
    }

    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
