using Shipping.Carriers.Usps.Normalising;
using Shipping.Carriers.Usps.Tracking;
using Shipping.Contracts;

namespace Shipping.Carriers.Usps.Tests;

public class UspsDeliveryEstimateTests
{
    private static UspsTrackingDetail To(UspsDeliveryDateExpectation? expectation, string? state = "NY", string? country = null) =>
        new("9400111899223344556677", null, null, "BROOKLYN", state, "11201", country, expectation, [], null, null, null);

    private static UspsDeliveryDateExpectation Expect(
        string? expected = null, string? predicted = null, string? start = null, string? end = null, string? guaranteed = null, string? endOfDay = null) =>
        new(expected, predicted, start, end, guaranteed, endOfDay);

    [Fact]
    public void PredictedDate_WinsOverExpected_WithItsWindowAtTheDestinationsOffset() =>
        ScanAssert.Estimate(
            new DeliveryEstimate(new DateOnly(2025, 11, 22), ScanAssert.Time("2025-11-22T10:45:00-05:00"), ScanAssert.Time("2025-11-22T14:45:00-05:00")),
            UspsDeliveryEstimate.From(To(Expect("2025-11-21", "2025-11-22", "10:45am", "2:45pm", endOfDay: "by 9:00pm"))));

    [Fact]
    public void PredictedWindow_WithOnlyAnEnd_In24HourTime() =>
        ScanAssert.Estimate(
            new DeliveryEstimate(new DateOnly(2026, 4, 10), null, ScanAssert.Time("2026-04-10T18:00:00-07:00")),
            UspsDeliveryEstimate.From(To(Expect(predicted: "2026-04-10", end: "18:00:00"), state: "WA", country: "US")));

    [Fact]
    public void ExpectedDate_IsNarrowedByTheEndOfDay() =>
        ScanAssert.Estimate(
            new DeliveryEstimate(new DateOnly(2025, 11, 21), null, ScanAssert.Time("2025-11-21T21:00:00-05:00")),
            UspsDeliveryEstimate.From(To(Expect("2025-11-21", endOfDay: "by 9:00pm"))));

    [Fact]
    public void GuaranteedDateAndTime_IsTheLatestItArrives() =>
        ScanAssert.Estimate(
            new DeliveryEstimate(new DateOnly(2025, 11, 21), null, ScanAssert.Time("2025-11-21T10:30:00-05:00")),
            UspsDeliveryEstimate.From(To(Expect(guaranteed: "2025-11-21T10:30"))));

    [Fact]
    public void GuaranteedDate_AsBusinessDays_GivesNoEstimate() =>
        Assert.Null(UspsDeliveryEstimate.From(To(Expect(guaranteed: "3 Business Days"))));

    [Fact]
    public void PlaceholderText_AsInTheSpecsFirstExample_IsIgnored() =>
        ScanAssert.Estimate(
            new DeliveryEstimate(new DateOnly(2025, 2, 7)),
            UspsDeliveryEstimate.From(To(Expect("2025-02-07", endOfDay: "string", guaranteed: "string"))));

    [Fact]
    public void UnknownDestinationZone_KeepsTheDate_AndDropsTheWindow() =>
        ScanAssert.Estimate(
            new DeliveryEstimate(new DateOnly(2025, 11, 22)),
            UspsDeliveryEstimate.From(To(Expect(predicted: "2025-11-22", start: "10:45am", end: "2:45pm"), state: null)));

    [Fact]
    public void NoExpectation_NoEstimate()
    {
        Assert.Null(UspsDeliveryEstimate.From(To(null)));
        Assert.Null(UspsDeliveryEstimate.From(To(Expect())));
    }

    [Theory]
    [InlineData("12:15pm", 12, 15)]
    [InlineData("3:15pm", 15, 15)]
    [InlineData("12:00am", 0, 0)]
    [InlineData("by 5:00 pm", 17, 0)]
    [InlineData("7:05 a.m.", 7, 5)]
    [InlineData("18:00:00", 18, 0)]
    [InlineData("09:30", 9, 30)]
    public void WindowTimes_InUspsForms_AreRead(string text, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), UspsDeliveryEstimate.ParseTime(text));

    [Theory]
    [InlineData("string")]
    [InlineData("25:00")]
    [InlineData("13:00pm")]
    [InlineData("")]
    public void WindowTimes_ThatAreNoTime_AreIgnored(string text) => Assert.Null(UspsDeliveryEstimate.ParseTime(text));
}
