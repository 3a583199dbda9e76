using Shipping.Contracts;
using Shipping.Timeline.Shipments;
using static Shipping.Timeline.Tests.ShipmentSpecification;

namespace Shipping.Timeline.Tests;

public class ExpectedDeliveryTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void NewShipment_ExpectsThePromisedDate_WithLowConfidence()
    {
        var opened = new ShipmentOpened(Guid.NewGuid(), "1001", "dhl", "JJD1", Promised, Morning);

        var events = ShipmentDecider.Open(opened);

        Assert.Equal(opened, events[0]);
        Assert.Equal(new ExpectedDeliveryRevised(new DeliveryEstimate(Promised), EstimateSource.Promised, EstimateConfidence.Low, Morning), events[1]);
    }

    [Fact]
    public void NewShipment_WithAPromisedWindow_ExpectsTheWindowsDays()
    {
        var opened = new ShipmentOpened(Guid.NewGuid(), "1001", "dhl", "JJD1", Promised, Morning, PromisedFrom: Promised.AddDays(-2));

        var expected = Assert.IsType<ExpectedDeliveryRevised>(ShipmentDecider.Open(opened)[1]);

        Assert.Equal(new DeliveryEstimate(Promised.AddDays(-2), LatestDate: Promised), expected.Estimate);
        Assert.Equal(Promised, expected.Estimate.LastDay);
    }

    [Fact]
    public void NewShipment_WithoutAPromise_ExpectsNothingYet() =>
        Assert.Single(ShipmentDecider.Open(new ShipmentOpened(Guid.NewGuid(), "1001", "dhl", "JJD1", null, Morning)));

    [Fact]
    public void CarriersEstimate_BecomesTheExpectedDelivery_WithAWindowForHighConfidence()
    {
        var window = new DeliveryEstimate(Promised, Morning.AddDays(3).AddHours(2), Morning.AddDays(3).AddHours(6));
        var spec = new ShipmentSpecification();

        var dateOnly = spec.When(Scan(TrackingStatus.InTransit, Morning, new DeliveryEstimate(Promised.AddDays(1))));
        var withWindow = spec.When(Scan(TrackingStatus.InTransit, Morning.AddHours(5), window, code: "ARRIVED"));

        var first = Assert.Single(dateOnly.OfType<ExpectedDeliveryRevised>());
        Assert.Equal((EstimateSource.Carrier, EstimateConfidence.Medium, Promised.AddDays(1)), (first.Source, first.Confidence, first.Estimate.Date));
        var second = Assert.Single(withWindow.OfType<ExpectedDeliveryRevised>());
        Assert.Equal((EstimateSource.Carrier, EstimateConfidence.High, window), (second.Source, second.Confidence, second.Estimate));
        Assert.Equal(second, spec.State.Expected);
    }

    [Fact]
    public void AnOlderScansEstimate_DoesNotReviseTheExpectedDelivery()
    {
        var spec = new ShipmentSpecification().Given(Scan(TrackingStatus.InTransit, Morning.AddHours(4), new DeliveryEstimate(Promised)));

        var events = spec.When(Scan(TrackingStatus.InTransit, Morning, new DeliveryEstimate(Promised.AddDays(4)), code: "OLD"));

        Assert.DoesNotContain(events, e => e is ExpectedDeliveryRevised);
    }

    [Fact]
    public void EveryRevision_IsKept_InTheShipmentView()
    {
        var view = new ShipmentView();
        var projection = new ShipmentViewProjection();
        var promised = new ExpectedDeliveryRevised(new DeliveryEstimate(Promised), EstimateSource.Promised, EstimateConfidence.Low, Morning);
        var carrier = new ExpectedDeliveryRevised(new DeliveryEstimate(Promised.AddDays(2)), EstimateSource.Carrier, EstimateConfidence.Medium, Morning.AddHours(3));

        projection.Apply(promised, view);
        projection.Apply(carrier, view);

        Assert.Equal(EstimateSource.Carrier, view.ExpectedDelivery?.Source);
        Assert.Equal([EstimateSource.Promised, EstimateSource.Carrier], view.ExpectedDeliveryRevisions.Select(r => r.Source));
    }
}
