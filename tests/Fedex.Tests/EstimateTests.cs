using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Carriers.Fedex.Normalising;
using Shipping.Carriers.Fedex.Tracking;
using Shipping.Contracts;
using static Shipping.Carriers.Fedex.Tests.FedexPayloads;

namespace Shipping.Carriers.Fedex.Tests;

/// <summary>Which of FedEx's dates and windows become the estimate, and which scan carries it.</summary>
public class EstimateTests
{
    private static readonly FedexAddress Memphis = FedexPayloads.Memphis;

    private readonly FedexNormaliser _normaliser = new(NullLogger<FedexNormaliser>.Instance);

    private static FedexTimeWindow Window(string? begins, string? ends) => new("ESTIMATED_DELIVERY", null, new FedexTimeRange(begins, ends));

    private static FedexTrackResult Result(
        FedexDateAndTime[]? dates = null, FedexTimeWindow? estimated = null, FedexTimeWindow? standard = null) =>
        ResultWith(Scan("AR")) with
        {
            DateAndTimes = dates,
            EstimatedDeliveryTimeWindow = estimated,
            StandardTransitTimeWindow = standard,
            RecipientInformation = new FedexContactAndAddress(Memphis),
        };

    private DeliveryEstimate? EstimateOf(FedexTrackResult result) =>
        Assert.Single(_normaliser.Normalise("1", result).Scans).CarrierEstimate;

    [Fact]
    public void EstimatedDelivery_WithItsWindow()
    {
        var estimate = EstimateOf(Result(
            [new FedexDateAndTime("ESTIMATED_DELIVERY", "2026-11-25T00:00:00-06:00")],
            estimated: Window("2026-11-25T10:00:00-06:00", "2026-11-25T14:00:00-06:00")));

        Assert.Equal(
            new DeliveryEstimate(new DateOnly(2026, 11, 25),
                new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(-6)),
                new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.FromHours(-6))),
            estimate);
    }

    [Fact]
    public void EstimatedWindow_DecidesOverTheStandardTransitWindow()
    {
        var estimate = EstimateOf(Result(
            estimated: Window("2026-11-25T10:00:00-06:00", "2026-11-25T14:00:00-06:00"),
            standard: Window(null, "2026-11-27T00:00:00-06:00")))!;

        Assert.Equal(new DateOnly(2026, 11, 25), estimate.Date);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.FromHours(-6)), estimate.WindowEnd);
    }

    [Fact]
    public void StandardTransitWindow_IsTheEstimate_WhenNothingElseIs()
    {
        // What FedEx's live answers often hold: an empty estimated window and a standard window with only an end.
        var estimate = EstimateOf(Result(estimated: new FedexTimeWindow(null, null, new FedexTimeRange(null, null)), standard: Window(null, "2026-11-27T00:00:00-06:00")));

        Assert.Equal(new DeliveryEstimate(new DateOnly(2026, 11, 27), null, new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(-6))), estimate);
    }

    [Fact]
    public void WindowNotHoldingTheEstimatedDay_IsLeftOff()
    {
        var estimate = EstimateOf(Result(
            [new FedexDateAndTime("ESTIMATED_DELIVERY", "2026-11-29T00:00:00")],
            standard: Window(null, "2026-11-27T00:00:00-06:00")));

        Assert.Equal(new DeliveryEstimate(new DateOnly(2026, 11, 29)), estimate);
    }

    [Theory]
    [InlineData("APPOINTMENT_DELIVERY")]
    [InlineData("COMMITMENT")]
    public void AppointmentOrCommitment_IsTheDay_WithoutAnEstimatedDelivery(string type) =>
        Assert.Equal(
            new DeliveryEstimate(new DateOnly(2026, 11, 26)),
            EstimateOf(Result([new FedexDateAndTime("SHIP", "2026-11-20T00:00:00"), new FedexDateAndTime(type, "2026-11-26T00:00:00")])));

    [Fact]
    public void EstimatedDelivery_DecidesOverCommitment_WhateverTheOrder() =>
        Assert.Equal(
            new DateOnly(2026, 11, 28),
            EstimateOf(Result(
            [
                new FedexDateAndTime("COMMITMENT", "2026-11-26T00:00:00"),
                new FedexDateAndTime("ESTIMATED_DELIVERY", "2026-11-28T00:00:00"),
            ]))?.Date);

    [Fact]
    public void ActualDatesOnly_AndNoWindow_AreNoEstimate() =>
        Assert.Null(EstimateOf(Result(
        [
            new FedexDateAndTime("ACTUAL_PICKUP", "2026-11-20T00:00:00"),
            new FedexDateAndTime("ACTUAL_DELIVERY", "2026-11-24T00:00:00"),
        ])));

    [Fact]
    public void Estimate_GoesOnTheNewestScanOnly()
    {
        var result = Result([new FedexDateAndTime("ESTIMATED_DELIVERY", "2026-11-25T00:00:00")]) with
        {
            ScanEvents =
            [
                Scan("AR", date: "2026-11-23T15:00:00-06:00"),
                Scan("PU", date: "2026-11-23T09:00:00-06:00"),
            ],
        };

        var scans = _normaliser.Normalise("1", result).Scans;

        Assert.Equal(new DateOnly(2026, 11, 25), scans.Single(s => s.RawCode == "AR").CarrierEstimate?.Date);
        Assert.Null(scans.Single(s => s.RawCode == "PU").CarrierEstimate);
    }
}
