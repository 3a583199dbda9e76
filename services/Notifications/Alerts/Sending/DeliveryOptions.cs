using Shipping.Contracts;
using Shipping.Notifications.Shipments;

namespace Shipping.Notifications.Alerts.Sending;

/// <summary>
/// The choices an alert offers: only while Timeline still allows changes (before out-for-delivery, or after a failed
/// attempt), and only dates Timeline will accept (<see cref="DeliveryDates.Allowed"/>): the carrier's offered dates still
/// in the future in the customer's zone, else the working days after the expected delivery. The first two such dates are
/// offered (choices 1 and 3), with the neighbour as choice 2.
/// </summary>
public static class DeliveryOptions
{
    /// <summary>How many dates an alert offers (an SMS has room for two).</summary>
    public const int DateChoices = 2;

    /// <param name="today">Today in the customer's zone.</param>
    public static List<OfferedOption> For(TrackedShipment shipment, DeliveryEstimate? estimate, DateOnly today)
    {
        if (!shipment.ChangesAllowed)
        {
            return [];
        }

        var dates = DeliveryDates.Allowed(shipment.OfferedDates, (estimate ?? shipment.Estimate)?.Date, today).Take(DateChoices).ToList();
        var kinds = new List<(DeliveryChangeKind Kind, DateOnly? Date)>();
        if (dates.Count > 0)
        {
            kinds.Add((DeliveryChangeKind.NewDate, dates[0]));
        }

        kinds.Add((DeliveryChangeKind.Neighbour, null));
        kinds.AddRange(dates.Skip(1).Select(d => (DeliveryChangeKind.NewDate, (DateOnly?)d)));
        return [.. kinds.Select((o, i) => new OfferedOption(i + 1, o.Kind, o.Date))];
    }
}
