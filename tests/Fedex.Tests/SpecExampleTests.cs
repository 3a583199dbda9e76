using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Carriers.Fedex.Normalising;
using Shipping.Carriers.Fedex.Tracking;
using Shipping.Carriers.Polling;
using Shipping.Contracts;
using Shipping.Testing;
using static Shipping.Carriers.Fedex.Tests.FedexPayloads;

namespace Shipping.Carriers.Fedex.Tests;

/// <summary>FedEx's own payloads (specs/fedex) and what exactly they become.</summary>
public class SpecExampleTests
{
    private readonly FedexNormaliser _normaliser = new(NullLogger<FedexNormaliser>.Instance);

    [Fact]
    public void Response200_YieldsExactlyItsOnePickupScan_WithOffset_Location_AndEstimateWindow()
    {
        var reading = _normaliser.Read(Response200Number, Parse(Response200));

        var found = Assert.IsType<TrackingLookup.Found>(reading.Lookup);
        Assert.Empty(reading.Unreadable);
        Assert.Null(found.SelfServiceUrl);
        var scan = Assert.Single(found.Scans);
        var at = new DateTimeOffset(2018, 2, 2, 12, 1, 0, TimeSpan.FromHours(-7));
        Assert.Equal(StableIds.ForCarrierScan("fedex", Response200Number, at, "PU"), scan.EventId);
        Assert.Equal("fedex", scan.Carrier);
        Assert.Equal(Response200Number, scan.TrackingNumber);
        Assert.Equal(TrackingStatus.InTransit, scan.Status);
        Assert.Equal(TrackingSubstatus.PickedUp, scan.Substatus);
        Assert.Equal("PU", scan.RawCode);
        Assert.Equal("Picked Up: Package available for clearance", scan.RawDescription);
        Assert.Equal(at, scan.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(-7), scan.OccurredAt.Offset);
        Assert.Equal(new EventLocation("SEATTLE", "98101", "US", "WA"), scan.Location);

        // No estimated delivery among its dateAndTimes (only ACTUAL_DELIVERY): the day is the window's end. The window's
        // start has no offset and is read in Seattle's zone (PDT in October); its end keeps the -06:00 it was written with.
        var estimate = Assert.IsType<DeliveryEstimate>(scan.CarrierEstimate);
        Assert.Equal(new DateOnly(2021, 10, 15), estimate.Date);
        Assert.Equal(new DateTimeOffset(2021, 10, 1, 8, 0, 0, TimeSpan.FromHours(-7)), estimate.WindowStart);
        Assert.Equal(TimeSpan.FromHours(-7), estimate.WindowStart!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2021, 10, 15, 0, 0, 0, TimeSpan.FromHours(-6)), estimate.WindowEnd);
        Assert.Equal(TimeSpan.FromHours(-6), estimate.WindowEnd!.Value.Offset);
    }

    [Fact]
    public void Response200_ScansCarryTheNumberAskedFor_NotTheInnerTrackingNumberInfo()
    {
        // The example's trackingNumberInfo says 128667043726 while its completeTrackResults entry says 123456789012.
        var found = Assert.IsType<TrackingLookup.Found>(_normaliser.Read(Response200Number, Parse(Response200)).Lookup);

        Assert.All(found.Scans, s => Assert.Equal(Response200Number, s.TrackingNumber));
    }

    [Fact]
    public void Response200_WithoutItsScans_IsFailed_WithTheErrorItCarries()
    {
        // The example carries error TRACKING.TRACKINGNUMBER.EMPTY beside its scans; alone, that error is the answer.
        var json = Response200With(result => result.Remove("scanEvents"));

        var failed = Assert.IsType<TrackingLookup.Failed>(_normaliser.Read(Response200Number, Parse(json)).Lookup);

        Assert.Contains("TRACKING.TRACKINGNUMBER.EMPTY", failed.Detail);
    }

    [Fact]
    public void NotFoundAnswer_IsNotFound()
    {
        var notFound = Assert.IsType<TrackingLookup.NotFound>(_normaliser.Read(NotFoundNumber, Parse(NotFound)).Lookup);

        Assert.Contains("TRACKING.TRACKINGNUMBER.NOTFOUND", notFound.Detail);
    }

    [Fact]
    public void ResultWithoutScansOrError_IsFound_WithNothingNew()
    {
        var json = Response200With(result =>
        {
            result.Remove("scanEvents");
            result.Remove("error");
        });

        var found = Assert.IsType<TrackingLookup.Found>(_normaliser.Read(Response200Number, Parse(json)).Lookup);

        Assert.Empty(found.Scans);
    }

    [Fact]
    public void AnswerForOtherNumbersOnly_IsNotFound()
    {
        var root = JsonNode.Parse(Response200)!;
        var results = root["output"]!["completeTrackResults"]!.AsArray();
        results.Add(results[0]!.DeepClone());
        results[1]!["trackingNumber"] = "999999999999";

        Assert.IsType<TrackingLookup.NotFound>(_normaliser.Read("111111111111", Parse(root.ToJsonString())).Lookup);
    }

    [Fact]
    public void ReusedTrackingNumber_TakesTheShipmentThatMovedLast()
    {
        var root = JsonNode.Parse(Response200)!;
        var trackResults = root["output"]!["completeTrackResults"]![0]!["trackResults"]!.AsArray();
        var newer = trackResults[0]!.DeepClone();
        newer["scanEvents"]![0]!["date"] = "2026-11-20T10:00:00-05:00";
        newer["scanEvents"]![0]!["eventType"] = "DL";
        trackResults.Add(newer);

        var found = Assert.IsType<TrackingLookup.Found>(_normaliser.Read(Response200Number, Parse(root.ToJsonString())).Lookup);

        Assert.Equal("DL", Assert.Single(found.Scans).RawCode);
    }

    [Fact]
    public void TrackRequest_IsTheSpecsRequestExample()
    {
        // components.schemas.Track_by_Tracking_Number.example in TrackingNumbers-Resource.json.
        var example = JsonNode.Parse(SpecFiles.Read("fedex/TrackingNumbers-Resource.json"))!
            ["components"]!["schemas"]!["Track_by_Tracking_Number"]!["example"]!;

        var request = JsonSerializer.SerializeToNode(FedexTrackRequest.For("794843185271"), FedexJson.Options);

        Assert.True(JsonNode.DeepEquals(example, request), $"{request?.ToJsonString()} differs from {example.ToJsonString()}");
    }
}
