using Shipping.Contracts;
using Shipping.Notifications.Alerts;
using Shipping.Notifications.Alerts.Sending;
using Shipping.Notifications.Shipments;

namespace Shipping.Notifications.Tests.Sending;

/// <summary>The choices an alert offers are dates Timeline accepts: the carrier's, else Timeline's fallback (<see cref="DeliveryDates"/>).</summary>
public sealed class DeliveryOptionsTests
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);
    private static readonly DateOnly Friday = new(2026, 11, 27);

    private static TrackedShipment InTransit(params DateOnly[] offered) => new()
    {
        TenantId = "acme", ShipmentId = Guid.NewGuid(), Carrier = "simulator", TrackingNumber = "SIM1",
        Status = TrackingStatus.InTransit, OfferedDates = [.. offered],
    };

    private static List<DateOnly?> Dates(List<OfferedOption> options) =>
        [.. options.Where(o => o.Kind == DeliveryChangeKind.NewDate).Select(o => o.Date)];

    [Fact]
    public void CarrierOffer_IsWhatIsOffered_InOrder_AsChoicesOneAndThree_WithTheNeighbourAsTwo()
    {
        var options = DeliveryOptions.For(InTransit(new(2026, 12, 4), new(2026, 12, 2), new(2026, 12, 9)), new DeliveryEstimate(Friday), Wednesday);

        Assert.Equal(
            [new OfferedOption(1, DeliveryChangeKind.NewDate, new(2026, 12, 2)), new OfferedOption(2, DeliveryChangeKind.Neighbour, null),
             new OfferedOption(3, DeliveryChangeKind.NewDate, new(2026, 12, 4))],
            options);
    }

    [Fact]
    public void CarrierDates_ThatAreNotInTheFutureInTheCustomersZone_AreDropped()
    {
        var options = DeliveryOptions.For(InTransit(new(2026, 11, 24), Wednesday, new(2026, 11, 26), new(2026, 11, 26), new(2026, 11, 28)),
            new DeliveryEstimate(Friday), Wednesday);

        Assert.Equal([new(2026, 11, 26), new(2026, 11, 28)], Dates(options)); // a Saturday the carrier offers is its to offer
    }

    [Fact]
    public void CarrierDates_AllInThePast_OfferOnlyTheNeighbour_AsTimelineAcceptsNoDate()
    {
        var options = DeliveryOptions.For(InTransit(new(2026, 11, 20), Wednesday), new DeliveryEstimate(Friday), Wednesday);

        Assert.Equal([new OfferedOption(1, DeliveryChangeKind.Neighbour, null)], options);
        Assert.Empty(DeliveryDates.Allowed([new(2026, 11, 20), Wednesday], Friday, Wednesday));
    }

    [Fact]
    public void WithoutACarrierOffer_TheWorkingDaysAfterTheExpectedDay_AreOffered_NotTheExpectedDayItself()
    {
        var options = DeliveryOptions.For(InTransit(), new DeliveryEstimate(Friday), Wednesday);

        Assert.Equal([new(2026, 11, 30), new(2026, 12, 1)], Dates(options)); // Friday's estimate: Monday and Tuesday
        Assert.Equal(DeliveryDates.Allowed(null, Friday, Wednesday).Take(DeliveryOptions.DateChoices).Select(d => (DateOnly?)d), Dates(options));
    }

    [Theory]
    [InlineData("2026-11-27", "2026-11-25")] // expected Friday, today Wednesday
    [InlineData("2026-11-20", "2026-11-25")] // expected in the past: after today
    [InlineData("2026-11-28", "2026-11-26")] // expected on a Saturday
    [InlineData(null, "2026-11-27")] // no estimate, today a Friday
    public void Fallback_IsTimelinesRule_TheFirstDatesOfWhatTimelineAccepts(string? expected, string today)
    {
        var expectedDay = expected is null ? (DateOnly?)null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        var todayDay = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var shipment = InTransit();

        var offered = Dates(DeliveryOptions.For(shipment, expectedDay is { } d ? new DeliveryEstimate(d) : null, todayDay));

        var accepted = DeliveryDates.Allowed([], expectedDay, todayDay);
        Assert.Equal(DeliveryDates.FallbackDays, accepted.Count);
        Assert.All(accepted, day => Assert.True(day > todayDay && (expectedDay is null || day > expectedDay) && DeliveryDates.IsWorkingDay(day), day.ToString()));
        Assert.Equal(accepted.Take(DeliveryOptions.DateChoices).Select(x => (DateOnly?)x), offered);
    }

    [Fact]
    public void OnceOutForDelivery_NothingIsOffered()
    {
        var shipment = InTransit(new DateOnly(2026, 12, 2));
        shipment.Status = TrackingStatus.OutForDelivery;

        Assert.Empty(DeliveryOptions.For(shipment, new DeliveryEstimate(Friday), Wednesday));
    }
}
