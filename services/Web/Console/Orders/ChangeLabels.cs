using Shipping.Contracts;
using Shipping.Contracts.Api;

namespace Shipping.Web.Console.Orders;

/// <summary>Words the order page uses for delivery changes and timeline entries.</summary>
public static class ChangeLabels
{
    public static string Of(DeliveryChangeKind kind) => kind switch
    {
        DeliveryChangeKind.NewDate => "Deliver on another day",
        DeliveryChangeKind.Neighbour => "Deliver to a neighbour",
        DeliveryChangeKind.ParcelShop => "Deliver to a parcel shop or locker",
        DeliveryChangeKind.OtherAddress => "Deliver to another address",
        DeliveryChangeKind.SafePlace => "Leave at a safe place",
        _ => kind.ToString(),
    };

    public static string KindName(TimelineRowKind kind) => kind switch
    {
        TimelineRowKind.Registered => "Registered",
        TimelineRowKind.CarrierScan => "Carrier scan",
        TimelineRowKind.ExpectedDelivery => "Estimate revised",
        TimelineRowKind.Delay => "Delay detected",
        TimelineRowKind.DeliveryChangeRequested => "Delivery change requested",
        TimelineRowKind.DeliveryChangeConfirmed => "Delivery change confirmed",
        TimelineRowKind.DeliveryChangeRefused => "Delivery change refused",
        TimelineRowKind.Cancelled => "Cancelled",
        TimelineRowKind.AlertSent => "Alert",
        TimelineRowKind.AlertStatus => "Alert status",
        TimelineRowKind.PersonalDataErased => "Personal data erased",
        TimelineRowKind.AgentNote => "Agent note",
        TimelineRowKind.CustomerRating => "Customer rating",
        TimelineRowKind.DeliveryOptionsOffered => "Delivery options offered",
        _ => kind.ToString(),
    };

    /// <summary>The dates the carrier offers, else the next five working days after the expected (or today's) date.</summary>
    public static IReadOnlyList<DateOnly> Dates(ShipmentDetails shipment, DateOnly today)
    {
        if (shipment.DeliveryOptions.OfferedDates is { Count: > 0 } offered)
        {
            return offered.Where(d => d > today).Order().ToList();
        }

        var from = shipment.ExpectedDelivery?.Estimate.Date ?? shipment.CarrierEstimate?.Date ?? today;
        if (from < today)
        {
            from = today;
        }

        var dates = new List<DateOnly>();
        for (var day = from.AddDays(1); dates.Count < 5; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                dates.Add(day);
            }
        }

        return dates;
    }
}
