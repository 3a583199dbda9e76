using System.Text.Json;
using System.Text.Json.Nodes;
using Shipping.Testing;

namespace Shipping.Carriers.Dhl.Tests.Normalising;

/// <summary>Every timestamp form DHL's services send, and where a time without an offset is read.</summary>
public class TimeTests
{
    private static object Address(string? countryCode = null, string? postalCode = null, string? locality = null) =>
        new { address = new { countryCode, postalCode, addressLocality = locality } };

    private static string Response(string timestamp, object? location = null, string statusCode = "transit",
        object? origin = null, object? destination = null, object? status = null) =>
        JsonSerializer.Serialize(new
        {
            shipments = new[]
            {
                new { id = "T1", origin, destination, status, events = new[] { new { timestamp, location, statusCode, status = "SOMETHING" } } },
            },
        });

    private static string At(string json)
    {
        var result = DhlPayloads.Normalise("T1", json);
        Assert.Empty(result.Refused);
        return Seen.Of(Assert.Single(result.Scans)).At;
    }

    [Theory]
    [InlineData("2018-03-02T07:53:47Z", "2018-03-02T07:53:47+00:00")] // the spec's form
    [InlineData("2019-09-03T11:33:05+02:00", "2019-09-03T11:33:05+02:00")] // parcel-nl
    [InlineData("2019-08-26T13:04:00-05:00", "2019-08-26T13:04:00-05:00")] // ecommerce
    public void TimeWithOffset_KeepsIt_WhateverTheLocation(string timestamp, string expected) =>
        Assert.Equal(expected, At(Response(timestamp, Address("DE", locality: "Bonn"))));

    [Theory]
    [InlineData("2019-08-10T08:54:00", "2019-08-10T08:54:00+02:00")] // summer: CEST
    [InlineData("2019-12-10T08:54:00", "2019-12-10T08:54:00+01:00")] // winter: CET
    public void MissingOffset_IsReadInTheLocationsZone(string timestamp, string expected) =>
        Assert.Equal(expected, At(Response(timestamp, Address("DE", "53113", "Bonn"))));

    [Fact]
    public void MissingOffset_WithACountryNamedOnlyInTheLocality_IsReadInThatCountrysZone() =>
        Assert.Equal("2019-08-10T08:54:00+02:00", At(Response("2019-08-10T08:54:00", Address(locality: "Germany"))));

    [Theory]
    [InlineData("Wilmette, IL, US", null, "2019-08-26T13:04:00-05:00")] // state in the locality
    [InlineData("Sherman Oaks", "91423", "2019-08-26T13:04:00-07:00")] // state from the ZIP
    public void MissingOffset_InTheUs_IsReadInTheStatesZone(string locality, string? zip, string expected) =>
        Assert.Equal(expected, At(Response("2019-08-26T13:04:00", Address("US", zip, locality))));

    [Fact]
    public void MissingOffset_BeforeHandover_WithoutLocation_IsReadAtTheOrigin() =>
        Assert.Equal("2019-08-19T14:24:01-07:00", At(Response("2019-08-19T14:24:01", statusCode: "pre-transit",
            origin: Address("US", "90249", "GARDENA"), destination: Address("US", "60091", "WILMETTE"))));

    [Fact]
    public void MissingOffset_AfterHandover_WithoutLocation_IsReadAtTheDestination() =>
        Assert.Equal("2019-08-19T14:24:01-05:00", At(Response("2019-08-19T14:24:01", statusCode: "transit",
            origin: Address("US", "90249", "GARDENA"), destination: Address("US", "60091", "WILMETTE"))));

    [Fact]
    public void MissingOffset_WithAnUnplaceableLocation_FallsBackOnTheShipment() =>
        Assert.Equal("2019-08-12T16:09:05-04:00", At(Response("2019-08-12T16:09:05", Address("US", locality: "UNITED STATES"),
            statusCode: "pre-transit", origin: Address("US", "19348", "KENNETT SQUARE"))));

    [Fact]
    public void MissingOffset_WithoutOriginOrDestination_IsReadAtTheShipmentsStatusLocation()
    {
        // parcel-de's example without origin and destination: the event on the delivery vehicle has no location.
        var json = DhlPayloads.Node(DhlPayloads.ParcelDe);
        var shipment = json["shipments"]![0]!.AsObject();
        shipment.Remove("origin");
        shipment.Remove("destination");

        var result = DhlPayloads.Normalise("JJD000390005893028175", json.ToJsonString());

        Assert.Empty(result.Refused);
        Assert.Equal("2019-08-10T07:17:00+02:00", Seen.Of(result.Scans[1]).At);
    }

    [Fact]
    public void MissingOffset_WithNoZoneAnywhere_RefusesThatEventOnly_NamingIt()
    {
        var json = DhlPayloads.Node(DhlPayloads.ParcelDe);
        var shipment = json["shipments"]![0]!.AsObject();
        shipment.Remove("origin");
        shipment.Remove("destination");
        shipment["status"]!.AsObject().Remove("location");

        var result = DhlPayloads.Normalise("JJD000390005893028175", json.ToJsonString());

        // The events without a location (on the delivery vehicle, data received) cannot be placed in time; the three
        // placed in Germany still are.
        Assert.Equal(
            ["2019-08-10T08:54:00+02:00", "2019-08-10T01:29:00+02:00", "2019-08-09T13:48:00+02:00"],
            result.Scans.Select(s => Seen.Of(s).At));
        Assert.Equal(2, result.Refused.Count);
        Assert.StartsWith("events[1].timestamp: '2019-08-10T07:17:00' has no UTC offset", result.Refused[0]);
        Assert.StartsWith("events[4].timestamp:", result.Refused[1]);
    }

    [Fact]
    public void RefusedEvent_IsReportedWithoutItsPlace()
    {
        // A delivery's locality is where the recipient lives: it stays out of the logs.
        var result = DhlPayloads.Normalise("T1", Response("2019-08-10T08:54:00", Address(postalCode: "12345", locality: "Springfield")));

        var refused = Assert.Single(result.Refused);
        Assert.DoesNotContain("Springfield", refused);
        Assert.DoesNotContain("12345", refused);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    public void MissingOrUnreadableTimestamp_RefusesThatEvent(string timestamp)
    {
        var result = DhlPayloads.Normalise("T1", Response(timestamp, Address("DE")));

        Assert.Empty(result.Scans);
        Assert.StartsWith("events[0].timestamp:", Assert.Single(result.Refused));
    }

    [Fact]
    public void EstimateWithoutOffset_IsReadAtTheDestination_AndGoesOnTheNewestScanOnly()
    {
        var json = JsonNode.Parse(Response("2019-08-10T08:54:00+02:00", destination: Address("DE", "53113", "Bonn")))!;
        var shipment = json["shipments"]![0]!.AsObject();
        shipment["events"]!.AsArray().Add(JsonNode.Parse("""{"timestamp":"2019-08-09T08:00:00+02:00","statusCode":"transit","status":"EARLIER"}"""));
        shipment["estimatedTimeOfDelivery"] = "2019-08-12T00:00:00";
        shipment["estimatedDeliveryTimeFrame"] = JsonNode.Parse("""{"estimatedFrom":"2019-08-12T10:00:00","estimatedThrough":"2019-08-12T14:00:00"}""");

        var scans = DhlPayloads.Normalise("T1", json.ToJsonString()).Scans;

        Assert.Equal("2019-08-12 [2019-08-12T10:00:00+02:00 .. 2019-08-12T14:00:00+02:00]", Seen.Of(scans[0]).Estimate);
        Assert.Null(scans[1].CarrierEstimate);
    }

    [Fact]
    public void EstimateDay_IsTheDayAtTheDestination_WhateverOffsetDhlWrote()
    {
        var json = JsonNode.Parse(Response("2019-08-10T08:54:00+02:00", destination: Address("DE", "53113", "Bonn")))!;
        json["shipments"]![0]!["estimatedTimeOfDelivery"] = "2019-08-11T22:30:00Z";

        var scan = Assert.Single(DhlPayloads.Normalise("T1", json.ToJsonString()).Scans);

        Assert.Equal(new DateOnly(2019, 8, 12), scan.CarrierEstimate?.Date);
    }

    [Fact]
    public void EstimateAsABareDate_IsThatDay_WithoutAWindow()
    {
        var json = JsonNode.Parse(Response("2019-08-10T08:54:00+02:00"))!;
        json["shipments"]![0]!["estimatedTimeOfDelivery"] = "2019-08-12";

        var scan = Assert.Single(DhlPayloads.Normalise("T1", json.ToJsonString()).Scans);

        Assert.Equal("2019-08-12 [ .. ]", Seen.Of(scan).Estimate);
    }

    [Fact]
    public void EstimateWindowWithoutADay_TakesTheDayFromTheWindow()
    {
        var json = JsonNode.Parse(Response("2019-08-10T08:54:00+02:00"))!;
        json["shipments"]![0]!["estimatedDeliveryTimeFrame"] = JsonNode.Parse("""{"estimatedFrom":"2019-08-12T10:00:00-05:00","estimatedThrough":"2019-08-12T14:00:00-05:00"}""");

        var scan = Assert.Single(DhlPayloads.Normalise("T1", json.ToJsonString()).Scans);

        Assert.Equal("2019-08-12 [2019-08-12T10:00:00-05:00 .. 2019-08-12T14:00:00-05:00]", Seen.Of(scan).Estimate);
    }

    [Fact]
    public void ParcelDeFixture_EveryTimeWithoutOffset_IsGermanLocalTime()
    {
        var raw = DhlPayloads.Node(DhlPayloads.ParcelDe)["shipments"]![0]!["events"]!.AsArray().Select(e => (string)e!["timestamp"]!).ToList();

        var scans = DhlPayloads.Normalise("JJD000390005893028175", SpecFiles.Read(DhlPayloads.ParcelDe)).Scans;

        Assert.Equal(raw.Select(t => t + "+02:00"), scans.Select(s => Seen.Of(s).At));
    }
}
