using Shipping.Contracts;
using Shipping.Notifications.Shipments;

namespace Shipping.Notifications.Alerts.Sending;

/// <summary>
/// The choices an alert offers: only while Timeline still allows changes (before out-for-delivery, or after a failed
/// attempt), and only dates that are working days from the estimate on.
/// </summary>
public static class DeliveryOptions
{
    public static List<OfferedOption> For(TrackedShipment shipment, DeliveryEstimate? estimate, DateOnly today)
    {
        if (!shipment.ChangesAllowed)
        {
            return [];
        }

        var first = NextWorkingDay(today);
        if ((estimate ?? shipment.Estimate)?.Date is { } estimated && estimated > first)
        {
            first = IsWorkingDay(estimated) ? estimated : NextWorkingDay(estimated);
        }

        return
        [
            new OfferedOption(1, DeliveryChangeKind.NewDate, first),
            new OfferedOption(2, DeliveryChangeKind.Neighbour, null),
            new OfferedOption(3, DeliveryChangeKind.NewDate, NextWorkingDay(first)),
        ];
    }

    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public static DateOnly NextWorkingDay(DateOnly after)
    {
        var day = after.AddDays(1);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
