using Shipping.Contracts;

namespace Shipping.Carriers.Simulator.Journeys;

/// <summary>A scripted parcel journey for demos: the scans a real carrier would send, in order.</summary>
public sealed record JourneyScenario(string Name, IReadOnlyList<JourneyStep> Steps)
{
    private static readonly EventLocation Hamburg = new("Hamburg", "20457", "DE");
    private static readonly EventLocation HamburgHub = new("Hamburg Billbrook", "22113", "DE");
    private static readonly EventLocation LeipzigHub = new("Leipzig/Radefeld", "04435", "DE");
    private static readonly EventLocation MunichDepot = new("München-Feldmoching", "80995", "DE");
    private static readonly EventLocation Munich = new("München", "80331", "DE");

    private static readonly JourneyStep[] Start =
    [
        new("LABEL_CREATED", "The sender has created the label; the parcel is not with us yet.", Hamburg, 2),
        new("PICKED_UP", "Parcel picked up from the sender.", Hamburg, 2),
        new("DEPARTED", "Parcel has left the parcel center.", HamburgHub, 2),
        new("ARRIVED", "Parcel has arrived at the parcel center.", LeipzigHub, 2),
    ];

    public static readonly IReadOnlyDictionary<string, JourneyScenario> All = new[]
    {
        new JourneyScenario("on-time",
        [
            .. Start,
            new("OUT_FOR_DELIVERY", "Parcel is out for delivery.", MunichDepot, 0),
            new("DELIVERED", "Parcel delivered to the recipient.", Munich, null),
        ]),
        new JourneyScenario("late-estimate",
        [
            .. Start[..3],
            new("DELAYED", "Parcel delayed at the parcel center due to high volumes.", LeipzigHub, 6),
            new("ARRIVED", "Parcel has arrived at the parcel center.", LeipzigHub, 6),
        ]),
        new JourneyScenario("failed-attempt",
        [
            .. Start,
            new("OUT_FOR_DELIVERY", "Parcel is out for delivery.", MunichDepot, 0),
            new("ATTEMPT_FAILED", "Delivery attempted; the recipient was not at home.", Munich, 1),
            new("AVAILABLE_FOR_PICKUP", "Parcel is waiting at the parcel shop for collection.", Munich, null),
        ]),
        new JourneyScenario("exception",
        [
            .. Start,
            new("DAMAGED", "Parcel damaged in transit; the sender has been informed.", LeipzigHub, null),
        ]),
    }.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
}

/// <param name="EstimateInDays">The carrier's delivery estimate given with this scan, in days from the scan; null for none.</param>
public sealed record JourneyStep(string Code, string Description, EventLocation Location, int? EstimateInDays);
