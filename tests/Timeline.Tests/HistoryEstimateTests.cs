using Shipping.Contracts;
using Shipping.Timeline.Performance;
using Shipping.Timeline.Shipments;
using static Shipping.Timeline.Tests.Performance.DeliveryHistoryTests;
using static Shipping.Timeline.Tests.ShipmentSpecification;

namespace Shipping.Timeline.Tests;

/// <summary>The expected delivery from this platform's history: Carrier > History > Promised.</summary>
public class HistoryEstimateTests
{
    private static readonly ShipmentRoute Route = new("express", "DE-04", "DE-80");
    private static readonly DateTimeOffset Registered = new(2026, 11, 21, 23, 30, 0, TimeSpan.Zero);

    /// <summary>12 simulator deliveries on the route: median 2 days, 90th percentile 4.</summary>
    private static readonly DeliveryHistory TwoToFourDays = History(Stats("simulator|express|DE-04|DE-80", 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 6));

    private static ShipmentOpened Opened(ShipmentRoute? route = null, string? zone = null) =>
        new(Guid.NewGuid(), "1001", "simulator", "SIM1", Promised, Registered, zone, Route: route ?? Route);

    [Fact]
    public void NewShipment_WithHistoryOnItsRoute_ExpectsTheHistoryPrediction_InsteadOfThePromise()
    {
        var events = ShipmentDecider.Open(Opened(zone: "Europe/Berlin"), TwoToFourDays);

        var expected = Assert.IsType<ExpectedDeliveryRevised>(Assert.Single(events, e => e is ExpectedDeliveryRevised));
        // Registered at 00:30 on 22 November in Berlin: that day + 2, up to + 4.
        Assert.Equal(new DeliveryEstimate(new DateOnly(2026, 11, 24), LatestDate: new DateOnly(2026, 11, 26)), expected.Estimate);
        Assert.Equal((EstimateSource.History, EstimateConfidence.Low, Registered), (expected.Source, expected.Confidence, expected.RevisedAt));
    }

    [Fact]
    public void NewShipment_WithTooLittleHistory_ExpectsThePromise()
    {
        var nine = History(Stats("simulator|express|DE-04|DE-80", 2, 2, 2, 2, 2, 2, 2, 2, 2));

        var expected = Assert.IsType<ExpectedDeliveryRevised>(ShipmentDecider.Open(Opened(), nine)[1]);

        Assert.Equal((EstimateSource.Promised, new DeliveryEstimate(Promised)), (expected.Source, expected.Estimate));
    }

    [Fact]
    public void Handover_WithoutACarrierEstimate_MovesThePredictionToTheHandoverDay()
    {
        var spec = new ShipmentSpecification(route: Route).Given(Scan(TrackingStatus.InfoReceived, Now.AddDays(-1)));
        var pickedUp = new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.FromHours(1));

        var events = spec.When(Scan(TrackingStatus.InTransit, pickedUp, code: "PICKED_UP"), TwoToFourDays);

        var expected = Assert.IsType<ExpectedDeliveryRevised>(Assert.Single(events, e => e is ExpectedDeliveryRevised));
        Assert.Equal((EstimateSource.History, new DeliveryEstimate(new DateOnly(2026, 11, 25), LatestDate: new DateOnly(2026, 11, 27))), (expected.Source, expected.Estimate));
        Assert.Equal(expected, spec.State.Expected);
    }

    [Fact]
    public void LaterScansInTransit_DoNotReviseThePredictionAgain()
    {
        var spec = new ShipmentSpecification(route: Route);
        spec.When(Scan(TrackingStatus.InTransit, Now.AddDays(-1)), TwoToFourDays);
        var revisedAtHandover = spec.State.Expected;
        Assert.Equal(EstimateSource.History, revisedAtHandover?.Source);

        Assert.False(ShipmentDecider.NeedsHistory(spec.State, Scan(TrackingStatus.InTransit, Now, code: "ARRIVED")));
        var events = spec.When(Scan(TrackingStatus.OutForDelivery, Now), TwoToFourDays);

        Assert.DoesNotContain(events, e => e is ExpectedDeliveryRevised);
        Assert.Equal(revisedAtHandover, spec.State.Expected);
    }

    [Fact]
    public void ALateOlderScanShowingAnEarlierHandover_MovesThePredictionBack()
    {
        var spec = new ShipmentSpecification(route: Route);
        spec.When(Scan(TrackingStatus.InTransit, Now), TwoToFourDays);

        var events = spec.When(Scan(TrackingStatus.InTransit, Now.AddDays(-1), code: "PICKED_UP"), TwoToFourDays);

        var expected = Assert.IsType<ExpectedDeliveryRevised>(Assert.Single(events, e => e is ExpectedDeliveryRevised));
        Assert.Equal(Now.AddDays(-1).Date.AddDays(2), expected.Estimate.Date.ToDateTime(TimeOnly.MinValue));
    }

    [Fact]
    public void CarriersEstimate_WinsOverHistory_AndHistoryNeverOverridesIt()
    {
        var spec = new ShipmentSpecification(route: Route);
        var carrier = new DeliveryEstimate(Promised.AddDays(5));

        var handoverWithEstimate = spec.When(Scan(TrackingStatus.InTransit, Now, carrier), TwoToFourDays);
        var olderHandover = spec.When(Scan(TrackingStatus.InTransit, Now.AddDays(-1), code: "PICKED_UP"), TwoToFourDays);
        // Even handed the history, the decider keeps the carrier's estimate.
        var forced = ShipmentDecider.RecordCarrierEvent(spec.State, Scan(TrackingStatus.InTransit, Now.AddDays(-2), code: "EARLIER"), Now, TwoToFourDays);

        var expected = Assert.IsType<ExpectedDeliveryRevised>(Assert.Single(handoverWithEstimate, e => e is ExpectedDeliveryRevised));
        Assert.Equal((EstimateSource.Carrier, carrier), (expected.Source, expected.Estimate));
        Assert.DoesNotContain(olderHandover, e => e is ExpectedDeliveryRevised);
        Assert.DoesNotContain(forced, e => e is ExpectedDeliveryRevised);
        Assert.Equal(EstimateSource.Carrier, spec.State.Expected?.Source);
    }

    [Fact]
    public void WithoutHistory_TheHandoverKeepsThePromise()
    {
        var spec = new ShipmentSpecification(route: Route);

        var events = spec.When(Scan(TrackingStatus.InTransit, Now), DeliveryHistory.Empty);

        Assert.DoesNotContain(events, e => e is ExpectedDeliveryRevised);
    }

    [Fact]
    public void TheHistoryIsNeeded_OnlyWhenAScanCouldMoveThePrediction()
    {
        var fresh = new ShipmentSpecification(route: Route).State;
        var withCarrierEstimate = new ShipmentSpecification(route: Route).Given(Scan(TrackingStatus.InfoReceived, Now, new DeliveryEstimate(Promised))).State;

        Assert.True(ShipmentDecider.NeedsHistory(fresh, Scan(TrackingStatus.InTransit, Now)));
        Assert.False(ShipmentDecider.NeedsHistory(fresh, Scan(TrackingStatus.InfoReceived, Now)));
        Assert.False(ShipmentDecider.NeedsHistory(fresh, Scan(TrackingStatus.InTransit, Now, new DeliveryEstimate(Promised))));
        Assert.False(ShipmentDecider.NeedsHistory(withCarrierEstimate, Scan(TrackingStatus.InTransit, Now.AddHours(1))));
    }
}

public class ExpectedDeliveryRowTests
{
    [Fact]
    public void ARangeOfDays_ShowsBothDays_InTheSupportTimeline()
    {
        var revised = new ExpectedDeliveryRevised(
            new DeliveryEstimate(new DateOnly(2026, 12, 3), LatestDate: new DateOnly(2026, 12, 5)), EstimateSource.History, EstimateConfidence.Low, Now);

        var row = new Shipping.Timeline.Timelines.Rows.TimelineRowProjection().Create(new JasperFx.Events.Event<ExpectedDeliveryRevised>(revised) { StreamId = Guid.NewGuid() });

        Assert.Equal("Expected delivery 2026-12-03 to 2026-12-05 (History, Low confidence).", row.Summary);
    }
}
