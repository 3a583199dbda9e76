using Shipping.Contracts;
using Shipping.Timeline.Shipments;
using static Shipping.Timeline.Tests.ShipmentSpecification;

namespace Shipping.Timeline.Tests;

/// <summary>The delays time alone reveals, checked by the periodic scan with the clock passed in.</summary>
public class TimeBasedDelayTests
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(48);
    private static readonly DateTimeOffset LastScan = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1));

    private static DelayReason Reason(object e) => Assert.IsType<DelayDetected>(e).Reason;

    [Fact]
    public void NoMovementForLongerThanTheThreshold_IsStaleTracking_AnnouncedOnce()
    {
        var spec = new ShipmentSpecification(promised: new DateOnly(2026, 12, 24)).Given(Scan(TrackingStatus.InTransit, LastScan));

        var justBefore = spec.CheckAt(LastScan + StaleAfter, StaleAfter);
        var after = spec.CheckAt(LastScan + StaleAfter + TimeSpan.FromMinutes(1), StaleAfter);
        var again = spec.CheckAt(LastScan + StaleAfter + TimeSpan.FromHours(5), StaleAfter);

        Assert.Empty(justBefore);
        Assert.Equal(DelayReason.StaleTracking, Reason(Assert.Single(after)));
        Assert.Empty(again);
    }

    [Fact]
    public void ANewScan_KeepsTrackingFresh()
    {
        var spec = new ShipmentSpecification(promised: new DateOnly(2026, 12, 24))
            .Given(Scan(TrackingStatus.InTransit, LastScan), Scan(TrackingStatus.InTransit, LastScan.AddDays(1), code: "ARRIVED"));

        Assert.Empty(spec.CheckAt(LastScan + StaleAfter + TimeSpan.FromHours(1), StaleAfter));
    }

    [Fact]
    public void NoScanAtAll_IsStale_CountingFromRegistration()
    {
        var spec = new ShipmentSpecification(promised: new DateOnly(2026, 12, 24));

        var events = spec.CheckAt(Now.AddDays(-2) + StaleAfter + TimeSpan.FromMinutes(1), StaleAfter);

        Assert.Equal(DelayReason.StaleTracking, Reason(Assert.Single(events)));
    }

    [Theory]
    [InlineData("America/Los_Angeles", "2026-11-27T07:59:00Z", "2026-11-27T08:00:00Z")] // midnight PST is 08:00 UTC
    [InlineData("Pacific/Auckland", "2026-11-26T10:59:00Z", "2026-11-26T11:00:00Z")]    // midnight NZDT is 11:00 UTC the day before
    [InlineData("Europe/Berlin", "2026-11-26T22:59:00Z", "2026-11-26T23:00:00Z")]
    public void PromisedDayOver_InTheCustomersOwnZone_IsADelay_AnnouncedOnce(string zone, string stillThatDay, string dayOver)
    {
        var spec = new ShipmentSpecification(zone).Given(Scan(TrackingStatus.InTransit, Now.AddHours(-1)));

        var before = spec.CheckAt(DateTimeOffset.Parse(stillThatDay), TimeSpan.FromDays(30));
        var after = spec.CheckAt(DateTimeOffset.Parse(dayOver), TimeSpan.FromDays(30));
        var again = spec.CheckAt(DateTimeOffset.Parse(dayOver).AddDays(1), TimeSpan.FromDays(30));

        Assert.Empty(before);
        var delay = Assert.IsType<DelayDetected>(Assert.Single(after));
        Assert.Equal(DelayReason.PromisedDatePassed, delay.Reason);
        Assert.Equal(Promised, delay.PromisedDeliveryDate);
        Assert.Empty(again);
    }

    [Fact]
    public void PromisedDay_WithoutTheCustomersZone_IsOverOnlyWhenItIsOverEverywhere()
    {
        var spec = new ShipmentSpecification().Given(Scan(TrackingStatus.InTransit, Now.AddHours(-1)));

        Assert.Empty(spec.CheckAt(new DateTimeOffset(2026, 11, 27, 11, 59, 0, TimeSpan.Zero), TimeSpan.FromDays(30)));
        Assert.Single(spec.CheckAt(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(30)));
    }

    [Fact]
    public void DeliveredShipment_IsNeverStaleNorLate()
    {
        var spec = new ShipmentSpecification("Europe/Berlin").Given(Scan(TrackingStatus.Delivered, LastScan));

        Assert.Empty(spec.CheckAt(LastScan.AddDays(30), StaleAfter));
    }

    [Fact]
    public void StaleAndLate_AreTwoReasons_EachAnnouncedOnce()
    {
        var spec = new ShipmentSpecification("Europe/Berlin").Given(Scan(TrackingStatus.InTransit, LastScan));

        var events = spec.CheckAt(LastScan.AddDays(10), StaleAfter);

        Assert.Equal([DelayReason.StaleTracking, DelayReason.PromisedDatePassed], events.Select(Reason));
        Assert.Empty(spec.CheckAt(LastScan.AddDays(11), StaleAfter));
    }
}
