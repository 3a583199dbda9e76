using Shipping.Contracts;
using Shipping.Timeline.Performance;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.Tests.Performance;

public class TransitHistogramTests
{
    private static int[] Histogram(params int[] days)
    {
        var doc = new DeliveryPerformance();
        foreach (var d in days)
        {
            doc.Add(d, +1);
        }

        return doc.TransitDays;
    }

    [Fact]
    public void MedianAndP90_AreTheNearestRanks()
    {
        var histogram = Histogram(1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 6);

        // 12 shipments: the 6th fastest took 2 days, the 11th (ceil 10.8) took 4.
        Assert.Equal(2, TransitHistogram.Percentile(histogram, 0.5));
        Assert.Equal(4, TransitHistogram.Percentile(histogram, 0.9));
    }

    [Fact]
    public void Median_OfAnEvenCount_IsTheLowerMiddle() =>
        Assert.Equal(2, TransitHistogram.Percentile(Histogram(2, 4), 0.5));

    [Fact]
    public void NoShipments_NoPercentile() => Assert.Null(TransitHistogram.Percentile(Histogram(), 0.5));

    [Fact]
    public void TransitsLongerThan30Days_ShareTheLastBucket_ReportedAs31()
    {
        var histogram = Histogram(45, 90, 3);

        Assert.Equal(TransitHistogram.Buckets, histogram.Length);
        Assert.Equal(2, histogram[31]);
        Assert.Equal(31, TransitHistogram.Percentile(histogram, 0.9));
        Assert.Equal(3, TransitHistogram.Percentile(histogram, 0.3));
    }

    [Fact]
    public void RemovingAShipment_TakesItOutOfItsBucket()
    {
        var doc = new DeliveryPerformance();
        doc.Add(2, +1);
        doc.Add(5, +1);
        doc.Add(2, -1);

        Assert.Equal(1, doc.Count);
        Assert.Equal(5, doc.MedianDays());
    }
}

public class RouteKeysTests
{
    [Fact]
    public void AFullRoute_CountsUnderFourKeys_MostSpecificFirst() =>
        Assert.Equal(
            ["dhl|express|DE-04|DE-80", "dhl|express|*|DE-80", "dhl|express|*|*", "dhl|*|*|*"],
            RouteKeys.For("dhl", new ShipmentRoute("express", "DE-04", "DE-80")).Select(k => k.Id));

    [Fact]
    public void AnUnknownPart_NeverPoolsWithAny()
    {
        Assert.Equal(["dhl|express|*|DE-80", "dhl|express|*|*", "dhl|*|*|*"], RouteKeys.For("dhl", new ShipmentRoute("express", null, "DE-80")).Select(k => k.Id));
        Assert.Equal(["dhl|express|*|*", "dhl|*|*|*"], RouteKeys.For("dhl", new ShipmentRoute("express", "DE-04", null)).Select(k => k.Id));
        Assert.Equal(["dhl|*|*|*"], RouteKeys.For("dhl", new ShipmentRoute(null, "DE-04", "DE-80")).Select(k => k.Id));
        Assert.Equal(["dhl|*|*|*"], RouteKeys.For("dhl", null).Select(k => k.Id));
    }
}

public class DeliveryHistoryTests
{
    private static readonly ShipmentRoute Route = new("express", "DE-04", "DE-80");
    private static readonly DateOnly Monday = new(2026, 11, 23);

    internal static DeliveryPerformance Stats(string id, params int[] days)
    {
        var parts = id.Split('|');
        var doc = new DeliveryPerformance { Id = id, Carrier = parts[0] };
        foreach (var d in days)
        {
            doc.Add(d, +1);
        }

        return doc;
    }

    internal static DeliveryHistory History(params DeliveryPerformance[] docs) => new(docs.ToDictionary(d => d.Id));

    internal static int[] Days(int count, int each) => [.. Enumerable.Repeat(each, count)];

    [Fact]
    public void Prediction_IsStartPlusMedian_UpToStartPlusP90()
    {
        var history = History(Stats("dhl|express|DE-04|DE-80", 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 6));

        var predicted = history.Predict("dhl", Route, Monday);

        Assert.NotNull(predicted);
        Assert.Equal(new DeliveryEstimate(Monday.AddDays(2), LatestDate: Monday.AddDays(4)), predicted.Estimate);
        Assert.Equal((EstimateConfidence.Low, 12, "dhl|express|DE-04|DE-80"), (predicted.Confidence, predicted.Samples, predicted.Key.Id));
    }

    [Fact]
    public void WhenP90EqualsTheMedian_ThePredictionIsOneDay() =>
        Assert.Equal(new DeliveryEstimate(Monday.AddDays(3)), History(Stats("dhl|express|DE-04|DE-80", Days(10, 3))).Predict("dhl", Route, Monday)?.Estimate);

    [Fact]
    public void TooFewOnTheExactRoute_FallsBackToTheNextKeyWithEnough()
    {
        var history = History(
            Stats("dhl|express|DE-04|DE-80", Days(9, 1)),
            Stats("dhl|express|*|DE-80", Days(10, 2)),
            Stats("dhl|*|*|*", Days(500, 5)));

        var predicted = history.Predict("dhl", Route, Monday);

        Assert.Equal("dhl|express|*|DE-80", predicted?.Key.Id);
        Assert.Equal(Monday.AddDays(2), predicted?.Estimate.Date);
    }

    [Fact]
    public void AnotherCarriersHistory_PredictsNothing() =>
        Assert.Null(History(Stats("ups|express|DE-04|DE-80", Days(300, 2)), Stats("ups|*|*|*", Days(300, 2))).Predict("dhl", Route, Monday));

    [Theory]
    [InlineData(9, null)]
    [InlineData(10, EstimateConfidence.Low)]
    [InlineData(49, EstimateConfidence.Low)]
    [InlineData(50, EstimateConfidence.Medium)]
    [InlineData(199, EstimateConfidence.Medium)]
    [InlineData(200, EstimateConfidence.High)]
    public void Confidence_GrowsWithTheDeliveriesBehindIt(int samples, EstimateConfidence? confidence) =>
        Assert.Equal(confidence, History(Stats("dhl|*|*|*", Days(samples, 2))).Predict("dhl", Route, Monday)?.Confidence);
}
