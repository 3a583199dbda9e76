using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Web.Branding;
using Shipping.Web.Localisation;
using Shipping.Web.Tracking;

namespace Shipping.Web.Tests;

public class PresentationTests
{
    private static TimelineEvent Event(TrackingStatus status, string at) =>
        new(Guid.NewGuid(), status, TrackingSubstatus.Unspecified, "X", "x", DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), null, null);

    private static ShipmentDetails Shipment(TrackingStatus status, params TimelineEvent[] events) => new(
        Guid.NewGuid(), "1001", "dhl", "JD0001", new DateOnly(2026, 11, 25), status, TrackingSubstatus.Unspecified, null, null, events, [],
        new DeliveryOptions([], null), null);

    [Theory]
    [InlineData(TrackingStatus.Pending, JourneyStep.Ordered)]
    [InlineData(TrackingStatus.InfoReceived, JourneyStep.Shipped)]
    [InlineData(TrackingStatus.InTransit, JourneyStep.InTransit)]
    [InlineData(TrackingStatus.OutForDelivery, JourneyStep.OutForDelivery)]
    [InlineData(TrackingStatus.Delivered, JourneyStep.Delivered)]
    public void Status_ReachesItsStep(TrackingStatus status, JourneyStep step) =>
        Assert.Equal((step, false), TrackingPresentation.Progress(Shipment(status)));

    [Fact]
    public void Exception_KeepsTheFurthestStep_AndIsMarked() =>
        Assert.Equal((JourneyStep.InTransit, true), TrackingPresentation.Progress(Shipment(TrackingStatus.Exception,
            Event(TrackingStatus.InTransit, "2026-11-22T08:00:00+01:00"), Event(TrackingStatus.Exception, "2026-11-23T08:00:00+01:00"))));

    [Fact]
    public void EventTime_IsShownInTheCustomersZone_WithItsOffsetOnThatDay()
    {
        var zone = TrackingPresentation.ZoneOf("Europe/Berlin");
        // 23:30 UTC on 31 Oct: already 1 Nov in Berlin (winter time, +01:00); in July Berlin is +02:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 30, 0, TimeSpan.FromHours(1)),
            TrackingPresentation.Local(DateTimeOffset.Parse("2026-10-31T23:30:00Z", System.Globalization.CultureInfo.InvariantCulture), zone));
        Assert.Equal(TimeSpan.FromHours(2),
            TrackingPresentation.Local(DateTimeOffset.Parse("2026-07-01T10:00:00-04:00", System.Globalization.CultureInfo.InvariantCulture), zone).Offset);
    }

    [Fact]
    public void UnknownZone_KeepsTheCarriersOffset()
    {
        var at = DateTimeOffset.Parse("2026-11-23T08:00:00-05:00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(at.Offset, TrackingPresentation.Local(at, TrackingPresentation.ZoneOf("Nowhere/Special")).Offset);
    }

    [Fact]
    public void DelayBanner_SaysWhatHappenedAndWhatHappensNext()
    {
        var shipment = Shipment(TrackingStatus.InTransit) with
        {
            Delays = [new DelayNotice(DelayReason.LateCarrierEstimate, null, new DeliveryEstimate(new DateOnly(2026, 11, 27)), DateTimeOffset.UtcNow)],
        };

        var banner = TrackingPresentation.DelayBanner(shipment, Texts.For("de"));

        Assert.NotNull(banner);
        Assert.Contains("später als zugesagt", banner.Value.What);
        Assert.Contains("Freitag, 27. November", banner.Value.Next);
    }

    [Fact]
    public void ExpectedDelivery_NamesItsSource()
    {
        var shipment = Shipment(TrackingStatus.InTransit) with
        {
            ExpectedDelivery = new ExpectedDelivery(new DeliveryEstimate(new DateOnly(2026, 11, 26)), EstimateSource.Carrier, EstimateConfidence.High, DateTimeOffset.UtcNow),
        };

        var (when, source) = TrackingPresentation.Expected(shipment, null, Texts.For("en"));

        Assert.Equal("Thursday 26 November", when);
        Assert.Equal("Estimate from DHL", source);
    }

    [Theory]
    [InlineData("#1F3A5F")]
    [InlineData("#E07A1F")]
    [InlineData("#FFFF00")]
    [InlineData("#777777")]
    public void TextOnBrandColours_MeetsWcagAA(string colour) =>
        Assert.True(BrandEndpoints.Contrast(colour, BrandEndpoints.OnColour(colour)) >= 4.5);

    [Fact]
    public void BrandCss_RefusesAnythingButHexColours()
    {
        var css = BrandEndpoints.Css(BrandSettings.Default("acme") with { PrimaryColour = "red;}body{display:none", AccentColour = "#00aa00" });

        Assert.Contains("--brand-primary:#1F3A5F", css);
        Assert.Contains("--brand-accent:#00AA00", css);
        Assert.DoesNotContain("display", css);
    }

    [Fact]
    public void EveryText_IsTranslatedToGerman()
    {
        var missing = Texts.Keys("en").Except(Texts.Keys("de")).Where(k => k != "Expected.Day").ToList();
        Assert.Empty(missing);
    }
}

public class LogoTests
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", true)]
    public void LogosAreFetchedFromPublicAddressesOnly(string address, bool allowed) =>
        Assert.Equal(allowed, Shipping.Web.Branding.LogoProxy.IsPublic(System.Net.IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://cdn.acme.example/logo.png", "/brand/acme/logo")]
    [InlineData("/brands/acme.svg", "/brands/acme.svg")]
    [InlineData("//evil.example/x.png", null)]
    [InlineData("http://acme.example/logo.png", null)]
    [InlineData(null, null)]
    public void PageLoadsTheLogoFromWebOnly(string? logoUrl, string? expected) =>
        Assert.Equal(expected, BrandEndpoints.LogoSource("acme", logoUrl));
}
