using Shipping.Contracts;

namespace Shipping.Carriers.EasyPost.Tests;

/// <summary>Every EasyPost example payload, normalised, gives exactly these canonical events.</summary>
public class SpecExampleTests
{
    private readonly Normalising.EasyPostNormaliser _normaliser = EasyPostSpecs.Normaliser();

    [Fact]
    public void EventBody_TrackerUpdated_YieldsItsSevenFedExScans()
    {
        var result = _normaliser.Normalise(EasyPostSpecs.Event(EasyPostSpecs.EventBody));

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Keys));
        Assert.Equal(ExpectedScans.EventBody, result.Scans.Select(ExpectedScan.Of));
        Assert.All(result.Scans, s => Assert.Equal(("easypost", "1"), (s.Carrier, s.TrackingNumber)));
        Assert.Equal("https://track.easypost.com/1", result.SelfServiceUrl);
    }

    [Fact]
    public void EventBody_ScanIds_AreCarrierTrackingNumberInstantAndCode()
    {
        var scans = _normaliser.Normalise(EasyPostSpecs.Event(EasyPostSpecs.EventBody)).Scans;

        var departed = scans[3];
        Assert.Equal(
            StableIds.ForCarrierScan("easypost", "1", DateTimeOffset.Parse("2024-08-01T14:42:13Z"), "in_transit/departed_facility"),
            departed.EventId);
        Assert.Equal(scans.Count, scans.Select(s => s.EventId).Distinct().Count());
    }

    [Fact]
    public void TrackingWebhookGuideExample_YieldsItsSixUpsScans_WithTheSignatureOnTheDelivery()
    {
        var result = _normaliser.Normalise(EasyPostSpecs.Event(EasyPostSpecs.TrackingWebhook));

        // The guide's details carry a status but no status_detail, and its DELIVERED scan is stamped with the tracker's
        // created_at, days before the other scans: the times are kept as EasyPost wrote them, so by time the newest scan
        // (the one the estimate belongs to) is OUT FOR DELIVERY.
        var southSanFrancisco = new EventLocation("SOUTH SAN FRANCISCO", null, "US", "CA");
        var sanFrancisco = new EventLocation("SAN FRANCISCO", null, "US", "CA");
        ExpectedScan[] expected =
        [
            new(TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified, "pre_transit", "BILLING INFORMATION RECEIVED", "2014-11-21T14:24:00+00:00", null),
            new(TrackingStatus.InTransit, TrackingSubstatus.Unspecified, "in_transit", "ORIGIN SCAN", "2014-11-21T06:48:00-08:00", southSanFrancisco),
            new(TrackingStatus.InTransit, TrackingSubstatus.Unspecified, "in_transit", "DEPARTURE SCAN", "2014-11-22T00:51:00-08:00", southSanFrancisco),
            new(TrackingStatus.InTransit, TrackingSubstatus.Unspecified, "in_transit", "ARRIVAL SCAN", "2014-11-23T01:31:00-08:00", sanFrancisco),
            new(TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified, "out_for_delivery", "OUT FOR DELIVERY", "2014-11-24T00:10:00-08:00", sanFrancisco,
                new DeliveryEstimate(new DateOnly(2014, 11, 27))),
            new(TrackingStatus.Delivered, TrackingSubstatus.SignedBy, "delivered", "DELIVERED", "2014-11-19T02:51:54-08:00", sanFrancisco),
        ];

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Keys));
        Assert.Equal(expected, result.Scans.Select(ExpectedScan.Of));
        Assert.All(result.Scans, s => Assert.Equal("EZ4000000004", s.TrackingNumber));
        Assert.Equal("https://track.easypost.com/djE7...", result.SelfServiceUrl);
    }

    [Fact]
    public void TrackersRetrieve_YieldsItsTwoPreTransitScans()
    {
        var result = _normaliser.Normalise(EasyPostSpecs.Tracker(EasyPostSpecs.TrackersRetrieve));

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Keys));
        Assert.Equal(ExpectedScans.TrackersRetrieve, result.Scans.Select(ExpectedScan.Of));
        Assert.All(result.Scans, s => Assert.Equal("EZ1000000001", s.TrackingNumber));
        Assert.Equal("https://track.easypost.com/djE6dHJrXzkxMzU4NjI3Mjk3MzRkOTZhZDJmOWVkMGYwNTY1YTI3", result.SelfServiceUrl);
    }

    [Fact]
    public void SameTracker_ByWebhookAndByPolling_GivesTheSameScanIds()
    {
        var webhook = _normaliser.Normalise(EasyPostSpecs.Event(EasyPostSpecs.EventBody)).Scans;
        var tracker = System.Text.Json.JsonSerializer.Deserialize<Tracking.Tracker>(
            System.Text.Json.JsonDocument.Parse(Testing.SpecFiles.Read(EasyPostSpecs.EventBody)).RootElement.GetProperty("result"), EasyPostJson.Options)!;

        var polled = _normaliser.Normalise(tracker).Scans;

        Assert.Equal(webhook.Select(s => s.EventId), polled.Select(s => s.EventId));
    }
}
