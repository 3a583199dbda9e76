using Shipping.Carriers.EasyPost.Tracking;
using Shipping.Contracts;

namespace Shipping.Carriers.EasyPost.Tests;

public class TimeAndEstimateTests
{
    private readonly Normalising.EasyPostNormaliser _normaliser = EasyPostSpecs.Normaliser();

    private static string Written(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz");

    private DateTimeOffset TimeOf(string datetime, TrackingLocation? location) =>
        Assert.Single(_normaliser.Normalise(Trackers.With(Trackers.Detail(datetime: datetime, location: location))).Scans).OccurredAt;

    [Theory]
    [InlineData("2024-07-31T19:27:00Z", "FL", "2024-07-31T15:27:00.000-04:00")] // summer, Eastern
    [InlineData("2024-12-02T19:27:00Z", "FL", "2024-12-02T14:27:00.000-05:00")] // winter, Eastern
    [InlineData("2014-11-21T14:48:00Z", "CA", "2014-11-21T06:48:00.000-08:00")] // Pacific
    [InlineData("2024-07-31T19:27:00+00:00", "AZ", "2024-07-31T12:27:00.000-07:00")] // +00:00 is UTC as much as Z
    public void UtcTime_IsShownWithThePlacesOffset_KeepingTheInstant(string datetime, string state, string expected)
    {
        var at = TimeOf(datetime, new TrackingLocation("SOMEWHERE", state, "US", null));

        Assert.Equal(expected, Written(at));
        Assert.Equal(DateTimeOffset.Parse(datetime), at);
    }

    [Theory]
    [InlineData("US", null, null)] // a US place without its state or ZIP: the zone cannot be told
    [InlineData("US", null, "7706")] // nor with a ZIP that is not one
    [InlineData(null, "TX", "77063")] // a state without a country (trackers-retrieve.json)
    [InlineData(null, null, null)]
    public void UtcTime_WithoutAKnownZone_StaysUtc(string? country, string? state, string? zip)
    {
        var at = TimeOf("2024-07-31T19:27:00Z", new TrackingLocation("HOUSTON", state, country, zip));

        Assert.Equal("2024-07-31T19:27:00.000+00:00", Written(at));
    }

    [Fact]
    public void UsPlaceWithoutItsState_IsPlacedByItsZipCode()
    {
        var at = TimeOf("2024-07-31T19:27:00Z", new TrackingLocation("HOUSTON", null, "US", "77063"));

        Assert.Equal("2024-07-31T14:27:00.000-05:00", Written(at));
    }

    [Fact]
    public void WrittenOffset_IsKept_WhateverThePlace()
    {
        var at = TimeOf("2024-07-31T15:27:00-04:00", new TrackingLocation("LOS ANGELES", "CA", "US", null));

        Assert.Equal("2024-07-31T15:27:00.000-04:00", Written(at));
    }

    [Theory]
    [InlineData("2024-07-31T15:27:00", "2024-07-31T15:27:00.000-04:00")]
    [InlineData("2024-12-02 15:27:00", "2024-12-02T15:27:00.000-05:00")]
    public void MissingOffset_IsReadInTheLocationsZone(string datetime, string expected) =>
        Assert.Equal(expected, Written(TimeOf(datetime, Trackers.Orlando)));

    [Fact]
    public void MissingOffset_WithoutAKnownZone_IsAnErrorNamingTheField_NeverUtc()
    {
        var tracker = Trackers.With(Trackers.Detail(datetime: "2024-07-31T15:27:00", location: new TrackingLocation(null, null, "US", null)));

        var result = _normaliser.Normalise(tracker);

        Assert.False(result.IsValid);
        Assert.Equal(["tracking_details[0].datetime"], result.Errors.Keys);
    }

    [Fact]
    public void Milliseconds_AreKept()
    {
        var at = TimeOf("2024-08-02T19:26:52.123Z", Trackers.Orlando);

        Assert.Equal("2024-08-02T15:26:52.123-04:00", Written(at));
    }

    [Theory]
    [InlineData(null, "1")]
    [InlineData("yesterday", "1")]
    [InlineData("2024-07-31T19:27:00Z", null)]
    public void BadOrMissingFields_AreNamed_InsideTheEvent(string? datetime, string? trackingCode)
    {
        var tracker = Trackers.With(Trackers.Detail(datetime: datetime), null) with { TrackingCode = trackingCode };
        var body = System.Text.Json.JsonSerializer.SerializeToElement(tracker, EasyPostJson.Options);

        var result = _normaliser.Normalise(new Webhooks.EasyPostEvent("evt_1", "Event", "tracker.updated", "test", body, null));

        var expected = new List<string> { "result.tracking_details[1]" };
        if (datetime != "2024-07-31T19:27:00Z")
        {
            expected.Add("result.tracking_details[0].datetime");
        }

        if (trackingCode is null)
        {
            expected.Add("result.tracking_code");
        }

        Assert.Equal(expected.Order(), result.Errors.Keys.Order());
        Assert.Empty(result.Scans);
    }

    [Fact]
    public void LocalEstimatedDate_WinsOverTheUtcOne()
    {
        var tracker = Trackers.With(Trackers.Detail()) with
        {
            EstDeliveryDate = "2024-08-06T00:00:00Z",
            CarrierDetail = new CarrierDetail("FEDEX_GROUND", "2024-08-05", null, null),
        };

        Assert.Equal(new DeliveryEstimate(new DateOnly(2024, 8, 5)), Assert.Single(_normaliser.Normalise(tracker).Scans).CarrierEstimate);
    }

    [Theory]
    [InlineData("2024-08-05T00:00:00Z", "2024-08-05")] // midnight UTC is the day itself, not the evening before in America
    [InlineData("2025-05-09T20:40:17Z", "2025-05-09")]
    [InlineData("2024-08-05", "2024-08-05")]
    public void EstimatedDeliveryDate_IsTheDayAsWritten(string written, string expected)
    {
        var tracker = Trackers.With(Trackers.Detail()) with { EstDeliveryDate = written };

        var estimate = Assert.Single(_normaliser.Normalise(tracker).Scans).CarrierEstimate;

        Assert.Equal(new DeliveryEstimate(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)), estimate);
        Assert.Null(estimate!.WindowStart);
        Assert.Null(estimate.WindowEnd);
    }

    [Fact]
    public void TrackersEstimate_GoesOnItsNewestScanOnly_AndADetailsOwnEstimateOnThatDetail()
    {
        var tracker = Trackers.With(
            Trackers.Detail("in_transit", "arrived_at_facility", "2024-08-02T18:50:00Z"),
            Trackers.Detail("pre_transit", "label_created", "2024-07-31T15:00:00Z", estDeliveryDate: "2024-08-04T00:00:00Z"),
            Trackers.Detail("in_transit", "departed_facility", "2024-08-01T14:42:13Z")) with { EstDeliveryDate = "2024-08-05T00:00:00Z" };

        var scans = _normaliser.Normalise(tracker).Scans;

        Assert.Equal(
            [new DeliveryEstimate(new DateOnly(2024, 8, 5)), new DeliveryEstimate(new DateOnly(2024, 8, 4)), null],
            scans.Select(s => s.CarrierEstimate));
    }

    [Theory]
    [InlineData("next week", null, "est_delivery_date")]
    [InlineData(null, "05.08.2024", "carrier_detail.est_delivery_date_local")]
    public void UnreadableEstimate_IsAnErrorNamingTheField(string? utc, string? local, string field)
    {
        var tracker = Trackers.With(Trackers.Detail()) with
        {
            EstDeliveryDate = utc,
            CarrierDetail = new CarrierDetail(null, local, null, null),
        };

        Assert.Equal([field], _normaliser.Normalise(tracker).Errors.Keys);
    }

    [Fact]
    public void EmptyLocation_IsNoLocation_AndACountryIsUpperCased()
    {
        var scans = _normaliser.Normalise(Trackers.With(
            Trackers.Detail(location: new TrackingLocation(null, " ", null, null)),
            Trackers.Detail(datetime: "2024-08-01T10:00:00Z", location: new TrackingLocation("Toronto", "ON", "ca", "M5V 2T6")))).Scans;

        Assert.Null(scans[0].Location);
        Assert.Equal(new EventLocation("Toronto", "M5V 2T6", "CA", "ON"), scans[1].Location);
    }

    [Fact]
    public void TrackerWithoutDetails_IsValid_WithNoScans()
    {
        var result = _normaliser.Normalise(Trackers.With() with { TrackingDetails = null });

        Assert.True(result.IsValid);
        Assert.Empty(result.Scans);
    }
}
