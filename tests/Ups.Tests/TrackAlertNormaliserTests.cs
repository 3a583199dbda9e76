using System.Text.Json.Nodes;
using Shipping.Carriers.Ups.Tracking;
using Shipping.Contracts;

namespace Shipping.Carriers.Ups.Tests;

public class TrackAlertNormaliserTests
{
    private const string OutForDelivery = "UPSTrackAlert.TrackingEvent.example1.json";
    private const string Delivery = "UPSTrackAlert.TrackingEvent.example2.json";

    public static TheoryData<string, string> Examples => new()
    {
        // UPSTrackAlert.yaml, webhooks.TrackingEvent examples: read from the spec (descriptionCode "021", a string) ...
        { "spec", "1" },
        { "spec", "2" },
        // ... and written verbatim as JSON, descriptionCode the integers 17 and 9 (Fixtures/README.md).
        { "fixture", OutForDelivery },
        { "fixture", Delivery },
    };

    private static string Body(string source, string example) =>
        source == "spec" ? TestData.TrackAlertSpecExample(example).ToJsonString() : TestData.Fixture(example);

    private static CarrierScan Single(string json)
    {
        var result = TestData.AlertNormaliser().Normalise(TestData.Alert(json));
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return Assert.Single(result.Scans);
    }

    private static IDictionary<string, string[]> Errors(string json) => TestData.AlertNormaliser().Normalise(TestData.Alert(json)).Errors;

    [Theory]
    [MemberData(nameof(Examples))]
    public void SpecExample_YieldsExactlyItsCanonicalEvent(string source, string example)
    {
        var scan = Single(Body(source, example));

        var expected = example is "1" or OutForDelivery
            // No gmtOffset: local 09:15:19 against GMT 13:15:19 gives -04:00 (Charlotte's summer time, too).
            ? new ExpectedScan(TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified, "OT", "Out for Delivery",
                "2024-04-23T09:15:19-04:00", new EventLocation("Charlotte", "30004", "US", "NC"), "2024-04-23 -..-")
            // Delivered: the stale scheduledDeliveryDate (20191014) is no estimate any more.
            : new ExpectedScan(TrackingStatus.Delivered, TrackingSubstatus.Unspecified, "FS", "Delivered",
                "2024-04-23T09:50:04-04:00", new EventLocation("CHARLOTTE", "28209", "US", "NC"));
        Assert.Equal(expected, ExpectedScan.Of(scan));
        Assert.Equal(("ups", TestData.TrackAlertNumber), (scan.Carrier, scan.TrackingNumber));
    }

    [Fact]
    public void DescriptionCode_AsNumberOrString_GivesTheSameScan()
    {
        var asNumber = Single(TestData.Fixture(OutForDelivery));
        var asString = Single(TestData.AlertJson(OutForDelivery, body => body["activityStatus"]!["descriptionCode"] = "021"));

        Assert.Equal(asNumber, asString);
    }

    [Fact]
    public void SameScanByWebhookAndByPolling_IsOneEvent()
    {
        // The Out-for-delivery example as the Track API would list it.
        var response = TestData.Deserialize<TrackApiResponse>($$$"""
            {"trackResponse":{"shipment":[{"package":[{"trackingNumber":"{{{TestData.TrackAlertNumber}}}","activity":[{
              "location":{"address":{"city":"Charlotte","stateProvince":"NC","postalCode":"30004","countryCode":"US"}},
              "status":{"type":"I","code":"OT","statusCode":"021","description":"Out for Delivery"},
              "date":"20240423","time":"091519","gmtDate":"20240423","gmtTime":"131519","gmtOffset":"-04:00"}]}]}]}}
            """);

        var polled = Assert.Single(TestData.TrackNormaliser().Normalise(TestData.TrackAlertNumber, response).Scans);
        var pushed = Single(TestData.Fixture(OutForDelivery));

        Assert.Equal(pushed.EventId, polled.EventId);
        Assert.Equal((pushed.Status, pushed.Substatus), (polled.Status, polled.Substatus));
    }

    [Fact]
    public void GmtOffsetWithADot_IsTheEventsOffset()
    {
        var json = TestData.AlertJson(OutForDelivery, body =>
        {
            body.Remove("gmtActivityDate");
            body.Remove("gmtActivityTime");
            body["gmtOffset"] = "-05.00";
        });

        Assert.Equal("2024-04-23T09:15:19-05:00", TestData.At(Single(json).OccurredAt));
    }

    [Fact]
    public void LocalTimeOnly_IsReadInTheActivityLocationsZone()
    {
        var json = TestData.AlertJson(OutForDelivery, body =>
        {
            body.Remove("gmtActivityDate");
            body.Remove("gmtActivityTime");
            body["activityLocation"]!["stateProvince"] = "CO";
            body["activityLocation"]!["city"] = "Denver";
        });

        Assert.Equal("2024-04-23T09:15:19-06:00", TestData.At(Single(json).OccurredAt));
    }

    [Fact]
    public void DeliveryStartAndEndTime_AreTheEstimatesWindow()
    {
        // The FAQ's example window: 150000 to 170000, "estimated delivery window".
        var json = TestData.AlertJson(OutForDelivery, body =>
        {
            body["deliveryStartTime"] = "150000";
            body["deliveryEndTime"] = "170000";
            body["deliveryTimeDescription"] = "estimated delivery window";
        });

        Assert.Equal("2024-04-23 2024-04-23T15:00:00-04:00..2024-04-23T17:00:00-04:00", ExpectedScan.Of(Single(json)).Estimate);
    }

    [Fact]
    public void EmptyFields_CountAsNotGiven()
    {
        // The previous revision's examples send every field, empty when UPS has no value.
        var json = TestData.AlertJson(OutForDelivery, body =>
        {
            foreach (var field in new[] { "scheduledDeliveryDate", "actualDeliveryDate", "actualDeliveryTime", "deliveryStartTime", "deliveryEndTime", "gmtOffset" })
            {
                body[field] = "";
            }

            body["activityLocation"]!["postalCode"] = "";
        });

        var scan = Single(json);

        Assert.Null(scan.CarrierEstimate);
        Assert.Equal(new EventLocation("Charlotte", null, "US", "NC"), scan.Location);
        Assert.Equal("2024-04-23T09:15:19-04:00", TestData.At(scan.OccurredAt));
    }

    [Fact]
    public void UnknownCode_FallsBackAndKeepsUpsCodeAndText()
    {
        var json = TestData.AlertJson(OutForDelivery, body =>
            body["activityStatus"] = JsonNode.Parse("""{"type":"Q","code":"ZQ","description":"Something new","descriptionCode":"999"}"""));

        var scan = Single(json);

        Assert.Equal((TrackingStatus.InTransit, TrackingSubstatus.Unspecified, "ZQ", "Something new"), (scan.Status, scan.Substatus, scan.RawCode, scan.RawDescription));
    }

    [Fact]
    public void TypeWithoutCode_IsTheRawCode()
    {
        var json = TestData.AlertJson(OutForDelivery, body => body["activityStatus"] = JsonNode.Parse("""{"type":"X","description":"Exception"}"""));

        var scan = Single(json);

        Assert.Equal((TrackingStatus.Exception, "X", "Exception"), (scan.Status, scan.RawCode, scan.RawDescription));
    }

    [Fact]
    public void MissingRequiredFields_AreNamed()
    {
        var json = TestData.AlertJson(OutForDelivery, body =>
        {
            body.Remove("trackingNumber");
            body.Remove("activityStatus");
        });

        Assert.Equal(["activityStatus", "trackingNumber"], Errors(json).Keys.Order());
    }

    [Fact]
    public void StatusWithoutTypeOrCode_IsAnError() =>
        Assert.Contains("activityStatus.code", Errors(TestData.AlertJson(OutForDelivery, body => body["activityStatus"] = JsonNode.Parse("""{"description":"?"}"""))).Keys);

    [Fact]
    public void MalformedTimesAndDates_AreNamed()
    {
        var json = TestData.AlertJson(OutForDelivery, body =>
        {
            body["localActivityTime"] = "9:15";
            body["gmtOffset"] = "EDT";
        });

        Assert.Equal(["gmtOffset", "localActivityTime"], Errors(json).Keys.Order());
    }

    [Fact]
    public void MalformedEstimate_IsNamed() =>
        Assert.Equal(
            ["deliveryEndTime", "scheduledDeliveryDate"],
            Errors(TestData.AlertJson(OutForDelivery, body =>
            {
                body["scheduledDeliveryDate"] = "2024-04-23";
                body["deliveryEndTime"] = "5pm";
            })).Keys.Order());
}
