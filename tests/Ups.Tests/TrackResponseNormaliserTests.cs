using System.Text.Json.Nodes;
using Shipping.Carriers.Ups.Tracking;
using Shipping.Contracts;
using Shipping.Testing;

namespace Shipping.Carriers.Ups.Tests;

public class TrackResponseNormaliserTests
{
    private static readonly EventLocation Wayne = new("Wayne", "07470", "US", "NJ");

    private static IReadOnlyList<CarrierScan> Normalise(string json, string trackingNumber = TestData.TrackFixtureNumber)
    {
        var result = TestData.TrackNormaliser().Normalise(trackingNumber, TestData.Deserialize<TrackApiResponse>(json));
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return result.Scans;
    }

    /// <summary>The fixture's package with <paramref name="change"/> applied (Fixtures/README.md says how the fixture was built).</summary>
    private static string Changed(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(TestData.Fixture(TestData.TrackFixture))!;
        change(root["trackResponse"]!["shipment"]![0]!["package"]![0]!.AsObject());
        return root.ToJsonString();
    }

    [Fact]
    public void TrackFixture_YieldsItsFourActivities_WithOffsetsLocationsAndTheEstimateOnTheNewest()
    {
        var scans = Normalise(TestData.Fixture(TestData.TrackFixture));

        Assert.Equal(
        [
            new ExpectedScan(TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified, "OT", "Out For Delivery Today",
                "2021-02-11T08:30:00-05:00", Wayne, "2021-02-11 2021-02-11T09:00:00-05:00..2021-02-11T13:00:00-05:00"),
            // Tracking.yaml's Activity/Status/Address examples as given: the code SR decides over type X.
            new ExpectedScan(TrackingStatus.InTransit, TrackingSubstatus.CustomsCleared, "SR", "Your package was released by the customs agency.",
                "2021-02-10T07:13:56-05:00", Wayne),
            // No GMT fields: read in Illinois' zone.
            new ExpectedScan(TrackingStatus.InTransit, TrackingSubstatus.Departed, "DP", "Departed from Facility",
                "2021-02-09T22:15:00-06:00", new EventLocation("Hodgkins", "60525", "US", "IL")),
            // GMT without offset, location without a state, local time "92000": the offset is local minus GMT.
            new ExpectedScan(TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified, "MP", "Shipper created a label, UPS has not received the package yet.",
                "2021-02-08T09:20:00-05:00", new EventLocation(null, null, "US")),
        ], scans.Select(ExpectedScan.Of));
    }

    [Fact]
    public void Scans_CarryTheCarrier_TheTrackingNumberAsked_AndStableIds()
    {
        var scans = Normalise(TestData.Fixture(TestData.TrackFixture), " 1z023e2x0214323462 ");

        Assert.All(scans, s => Assert.Equal(("ups", TestData.TrackFixtureNumber), (s.Carrier, s.TrackingNumber)));
        Assert.Equal(StableIds.ForCarrierScan("ups", TestData.TrackFixtureNumber, scans[1].OccurredAt, "SR"), scans[1].EventId);
        Assert.Equal(4, scans.Select(s => s.EventId).Distinct().Count());
    }

    [Fact]
    public void SpecActivityExample_FromTrackingYaml_IsOneScanAtItsLocalTimeAndOffset()
    {
        // Tracking.yaml gives no response example, only field examples: build the activity from them, read from the spec.
        var schemas = SpecFiles.ReadYamlAsJson("ups/Tracking.yaml")["components"]!["schemas"]!;
        JsonObject Examples(string schema) => new(schemas[schema]!["properties"]!.AsObject()
            .Where(p => p.Value?["example"] is not null)
            .Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, p.Value!["example"]!.DeepClone())));
        var activity = Examples("Activity");
        activity["location"] = new JsonObject { ["address"] = Examples("Address"), ["slic"] = Examples("Location")["slic"]!.DeepClone() };
        activity["status"] = Examples("Status");
        var response = new JsonObject
        {
            ["trackResponse"] = new JsonObject
            {
                ["shipment"] = new JsonArray(new JsonObject
                {
                    ["inquiryNumber"] = Examples("Shipment")["inquiryNumber"]!.DeepClone(),
                    ["package"] = new JsonArray(new JsonObject { ["activity"] = new JsonArray(activity) }),
                }),
            },
        };

        var scan = Assert.Single(Normalise(response.ToJsonString(), "1Z023E2X0214323462"));

        Assert.Equal(
            new ExpectedScan(TrackingStatus.InTransit, TrackingSubstatus.CustomsCleared, "SR", "Your package was released by the customs agency.",
                "2021-02-10T07:13:56-05:00", Wayne),
            ExpectedScan.Of(scan));
    }

    [Fact]
    public void RescheduledDate_WinsOverTheScheduledOne()
    {
        var json = Changed(p => p["deliveryDate"] = JsonNode.Parse("""[{"type":"SDD","date":"20210211"},{"type":"RDD","date":"20210212"}]"""));

        Assert.Equal("2021-02-12 2021-02-12T09:00:00-05:00..2021-02-12T13:00:00-05:00", ExpectedScan.Of(Normalise(json)[0]).Estimate);
    }

    [Fact]
    public void CommitTime_IsTheWindowsEnd()
    {
        var json = Changed(p => p["deliveryTime"] = JsonNode.Parse("""{"type":"CMT","endTime":"103000"}"""));

        Assert.Equal("2021-02-11 -..2021-02-11T10:30:00-05:00", ExpectedScan.Of(Normalise(json)[0]).Estimate);
    }

    [Fact]
    public void EndOfDay_IsADateWithoutWindow()
    {
        var json = Changed(p => p["deliveryTime"] = JsonNode.Parse("""{"type":"EOD"}"""));

        Assert.Equal(new DeliveryEstimate(new DateOnly(2021, 2, 11)), Normalise(json)[0].CarrierEstimate);
    }

    [Fact]
    public void Window_IsReadInTheDestinationsZone_NotTheScansZone()
    {
        // The newest scan is in New Jersey; the parcel goes to California.
        var json = Changed(p => p["packageAddress"]![1]!["address"] = JsonNode.Parse("""{"city":"Fresno","stateProvince":"CA","countryCode":"US"}"""));

        Assert.Equal("2021-02-11 2021-02-11T09:00:00-08:00..2021-02-11T13:00:00-08:00", ExpectedScan.Of(Normalise(json)[0]).Estimate);
    }

    [Fact]
    public void DeliveredDateOnly_IsNoEstimate()
    {
        var json = Changed(p => p["deliveryDate"] = JsonNode.Parse("""[{"type":"DEL","date":"20210211"}]"""));

        Assert.All(Normalise(json), s => Assert.Null(s.CarrierEstimate));
    }

    [Fact]
    public void NewestScanDelivered_CarriesNoEstimate()
    {
        var json = Changed(p => p["activity"]!.AsArray().Insert(0, JsonNode.Parse("""
            {"location":{"address":{"city":"Wayne","stateProvince":"NJ","postalCode":"07470","countryCode":"US"}},
             "status":{"type":"D","description":"DELIVERED ","code":"FS","statusCode":"011"},
             "date":"20210211","time":"114500","gmtDate":"20210211","gmtTime":"164500","gmtOffset":"-05:00"}
            """)));

        var scans = Normalise(json);

        Assert.Equal(
            new ExpectedScan(TrackingStatus.Delivered, TrackingSubstatus.Unspecified, "FS", "DELIVERED", "2021-02-11T11:45:00-05:00", Wayne),
            ExpectedScan.Of(scans[0]));
        Assert.All(scans, s => Assert.Null(s.CarrierEstimate));
    }

    [Theory]
    [InlineData("US", "US")]
    [InlineData("United States", null)]
    public void CountryName_StandsInForAMissingCountryCode_OnlyWhenItIsACode(string country, string? expected)
    {
        var json = Changed(p => p["activity"]![2]!["location"]!["address"] = new JsonObject { ["city"] = "Hodgkins", ["stateProvince"] = "IL", ["country"] = country });

        var result = TestData.TrackNormaliser().Normalise(TestData.TrackFixtureNumber, TestData.Deserialize<TrackApiResponse>(json));

        // Without a country there is no zone for a time without offset: that activity is then left out, and named.
        Assert.Equal(expected, result.Scans.SingleOrDefault(s => s.RawCode == "DP")?.Location?.CountryCode);
        Assert.Equal(expected is null, result.Errors.ContainsKey("trackResponse.shipment[0].package[0].activity[2].time"));
    }

    [Fact]
    public void PackagesOfOtherTrackingNumbers_AreLeftOut()
    {
        var json = Changed(p => p["trackingNumber"] = "1Z999AA10123456784");

        var result = TestData.TrackNormaliser().Normalise(TestData.TrackFixtureNumber, TestData.Deserialize<TrackApiResponse>(json));

        Assert.Empty(result.Scans);
    }

    [Fact]
    public void UnreadableActivity_IsLeftOutAndNamed_TheOthersStillCount()
    {
        var json = Changed(p =>
        {
            p["activity"]![2]!["time"] = "25xx00";
            p["activity"]![3]!["status"] = null;
        });

        var result = TestData.TrackNormaliser().Normalise(TestData.TrackFixtureNumber, TestData.Deserialize<TrackApiResponse>(json));

        Assert.Equal(["OT", "SR"], result.Scans.Select(s => s.RawCode));
        Assert.Equal(
            ["trackResponse.shipment[0].package[0].activity[2].time", "trackResponse.shipment[0].package[0].activity[3].status"],
            result.Errors.Keys.Order());
    }

    [Fact]
    public void UnknownCode_FallsBackToTheType_AndKeepsUpsCodeAndText()
    {
        var json = Changed(p => p["activity"]![0]!["status"] = JsonNode.Parse("""{"type":"I","code":"ZQ","description":"Sorted by a robot"}"""));

        var scan = Normalise(json)[0];

        Assert.Equal((TrackingStatus.InTransit, "ZQ", "Sorted by a robot"), (scan.Status, scan.RawCode, scan.RawDescription));
    }

    [Fact]
    public void UnknownTypeAndCode_FallBackToInTransit_AndKeepUpsCodeAndText()
    {
        var json = Changed(p => p["activity"]![0]!["status"] = JsonNode.Parse("""{"type":"ZZ","code":"ZQ","statusCode":"999","description":"Something new"}"""));

        var scan = Normalise(json)[0];

        Assert.Equal((TrackingStatus.InTransit, TrackingSubstatus.Unspecified, "ZQ", "Something new"), (scan.Status, scan.Substatus, scan.RawCode, scan.RawDescription));
    }
}
