using Shipping.Contracts;
using Shipping.Notifications.Alerts.Sending;
using Shipping.Notifications.Shipments;

namespace Shipping.Notifications.Tests.Sending;

public sealed class QuietHoursTests
{
    private static readonly TimeOnly Start = new(21, 0);
    private static readonly TimeOnly End = new(8, 0);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void LateEvening_InTheCustomersZone_IsHeld_UntilEightNextMorning_ThereWithItsOffset()
    {
        var now = DateTimeOffset.Parse("2026-11-27T22:30:00+01:00"); // Friday 22:30 in Berlin
        var until = QuietHours.HeldUntil(now, Berlin, Start, End);
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T08:00:00+01:00"), until);
        Assert.Equal(TimeSpan.FromHours(1), until!.Value.Offset);
    }

    [Fact]
    public void EarlyMorning_IsHeld_UntilEightTheSameDay() =>
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T08:00:00+01:00"), QuietHours.HeldUntil(DateTimeOffset.Parse("2026-11-28T05:59:00+01:00"), Berlin, Start, End));

    [Theory]
    [InlineData("2026-11-28T08:00:00+01:00")]
    [InlineData("2026-11-28T13:00:00+01:00")]
    [InlineData("2026-11-28T20:59:59+01:00")]
    public void Daytime_IsNotHeld(string at) => Assert.Null(QuietHours.HeldUntil(DateTimeOffset.Parse(at), Berlin, Start, End));

    [Fact]
    public void TheSameInstant_IsDaytimeInBerlin_AndNightInNewYork()
    {
        var now = DateTimeOffset.Parse("2026-11-28T09:30:00+01:00"); // 03:30 in New York
        Assert.Null(QuietHours.HeldUntil(now, Berlin, Start, End));
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T08:00:00-05:00"), QuietHours.HeldUntil(now, NewYork, Start, End));
    }

    [Fact]
    public void MorningAfterTheClocksChange_HasTheNewOffset() =>
        // The night of 28/29 March 2026 Berlin moves to summer time: 08:00 on the 29th is +02:00.
        Assert.Equal(DateTimeOffset.Parse("2026-03-29T08:00:00+02:00"), QuietHours.HeldUntil(DateTimeOffset.Parse("2026-03-28T23:00:00+01:00"), Berlin, Start, End));

    [Fact]
    public void UnknownZone_FallsBackToTheConfiguredOne() => Assert.Equal(Berlin.Id, QuietHours.Zone("Not/AZone", "Europe/Berlin").Id);

    [Fact]
    public void OfferedDates_AreWorkingDays_FromTheEstimateOn()
    {
        var shipment = new TrackedShipment { Status = TrackingStatus.InTransit };
        var friday = new DateOnly(2026, 11, 27);
        var options = DeliveryOptions.For(shipment, new DeliveryEstimate(new DateOnly(2026, 11, 28)), friday); // estimate on a Saturday
        Assert.Equal([new DateOnly(2026, 11, 30), null, new DateOnly(2026, 12, 1)], options.Select(o => o.Date));
        Assert.Equal([DeliveryChangeKind.NewDate, DeliveryChangeKind.Neighbour, DeliveryChangeKind.NewDate], options.Select(o => o.Kind));
    }

    [Theory]
    [InlineData(TrackingStatus.OutForDelivery)]
    [InlineData(TrackingStatus.Delivered)]
    [InlineData(TrackingStatus.AvailableForPickup)]
    public void NothingIsOffered_OnceTheCarrierNoLongerAllowsChanges(TrackingStatus status) =>
        Assert.Empty(DeliveryOptions.For(new TrackedShipment { Status = status }, null, new DateOnly(2026, 11, 27)));
}

public sealed class AlertTextsTests
{
    [Theory]
    [InlineData("en", "Reply 1 to deliver on Fri 27 Nov, 2 to leave it with a neighbour, 3 to deliver on Mon 30 Nov.")]
    [InlineData("de", "Antworten Sie 1 für Lieferung am Fr. 27. Nov., 2 für Abgabe bei einem Nachbarn, 3 für Lieferung am Mo. 30. Nov.")]
    public void Choices_ReadNaturally_InEachLanguage(string language, string expected) => Assert.Equal(expected, AlertTexts.Choices(
    [
        new Alerts.OfferedOption(1, DeliveryChangeKind.NewDate, new DateOnly(2026, 11, 27)),
        new Alerts.OfferedOption(2, DeliveryChangeKind.Neighbour, null),
        new Alerts.OfferedOption(3, DeliveryChangeKind.NewDate, new DateOnly(2026, 11, 30)),
    ], language));

    [Fact]
    public void GermanDays_HaveTheirFullStops() => Assert.Equal("Fr. 27. Nov.", AlertTexts.Day(new DateOnly(2026, 11, 27), "de"));
}
