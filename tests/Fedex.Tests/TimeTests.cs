using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Carriers.Fedex.Normalising;
using Shipping.Carriers.Fedex.Tracking;
using Shipping.Contracts;
using static Shipping.Carriers.Fedex.Tests.FedexPayloads;

namespace Shipping.Carriers.Fedex.Tests;

/// <summary>Every time form FedEx writes, and which zone a time without offset is read in.</summary>
public class TimeTests
{
    private static readonly FedexAddress Seattle = new("SEATTLE", "WA", "98101", "US");
    // Canada spans six zones; without its province a Canadian place's zone cannot be told.
    private static readonly FedexAddress Toronto = new("TORONTO", null, "M5V 2T6", "CA");

    private readonly FedexNormaliser _normaliser = new(NullLogger<FedexNormaliser>.Instance);

    [Fact]
    public void ScanDateWithOffset_KeepsItsOffset_WhereverTheScanWas()
    {
        var scan = Assert.Single(_normaliser.Normalise("1", ResultWith(Scan("AR", date: "2018-02-02T12:01:00-07:00", location: Memphis))).Scans);

        Assert.Equal(new DateTimeOffset(2018, 2, 2, 12, 1, 0, TimeSpan.FromHours(-7)), scan.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(-7), scan.OccurredAt.Offset);
    }

    [Theory]
    [InlineData("2018-02-02T12:01:00", "WA", -8)] // Seattle in winter
    [InlineData("2018-07-02T12:01:00", "WA", -7)] // and in summer
    [InlineData("2018-02-02T12:01:00", "TN", -6)] // Memphis
    [InlineData("2018-02-02T12:01:00", "NY", -5)]
    public void ScanDateWithoutOffset_IsReadInTheScanLocationsZone(string date, string state, int offsetHours)
    {
        var location = new FedexAddress("SOMEWHERE", state, "00000", "US");

        var scan = Assert.Single(_normaliser.Normalise("1", ResultWith(Scan("AR", date: date, location: location))).Scans);

        Assert.Equal(TimeSpan.FromHours(offsetHours), scan.OccurredAt.Offset);
        Assert.Equal((12, 1), (scan.OccurredAt.Hour, scan.OccurredAt.Minute));
    }

    [Fact]
    public void ScanDateWithoutOffset_WhereTheZoneIsUnknown_IsLeftOut_NamingTheField_NotReadAsUtc()
    {
        var result = _normaliser.Normalise("1", ResultWith(
            Scan("PU", date: "2018-02-02T09:00:00-05:00", location: Memphis),
            Scan("AR", date: "2018-02-02T12:01:00", location: Toronto)));

        Assert.Equal("PU", Assert.Single(result.Scans).RawCode);
        Assert.Equal(["scanEvents[1].date"], result.Errors.Keys);
    }

    [Fact]
    public void ScanWithoutDate_IsLeftOut_NamingTheField()
    {
        var result = _normaliser.Normalise("1", ResultWith(Scan("PU"), Scan("AR", date: "")));

        Assert.Single(result.Scans);
        Assert.Equal(["scanEvents[1].date"], result.Errors.Keys);
    }

    [Fact]
    public void Reading_NamesUnreadableScans_AndStillFindsTheOthers()
    {
        var json = Response200With(result =>
        {
            var events = result["scanEvents"]!.AsArray();
            var bad = events[0]!.DeepClone();
            bad["date"] = "2018-02-03T08:00:00";
            bad["scanLocation"]!["countryCode"] = "CA";
            events.Add(bad);
        });

        var reading = _normaliser.Read(Response200Number, Parse(json));

        Assert.Single(Assert.IsType<Polling.TrackingLookup.Found>(reading.Lookup).Scans);
        Assert.Equal(["scanEvents[1].date"], reading.Unreadable);
    }

    [Fact]
    public void OnlyUnreadableScans_AreAFailedLookup()
    {
        var json = Response200With(result => result["scanEvents"]![0]!["date"] = "yesterday");

        Assert.IsType<Polling.TrackingLookup.Failed>(_normaliser.Read(Response200Number, Parse(json)).Lookup);
    }

    [Theory]
    [InlineData("2007-09-27T00:00:00")] // the spec's form: no offset
    [InlineData("2007-09-27T00:00:00-06:00")] // what FedEx's live answers write
    [InlineData("2007-09-27")] // the format the spec's description gives
    public void EstimatedDeliveryDate_IsTheDayFedExWrote_InEveryForm(string dateTime)
    {
        var result = ResultWith(Scan("PU")) with { DateAndTimes = [new FedexDateAndTime("ESTIMATED_DELIVERY", dateTime)] };

        var estimate = Assert.Single(_normaliser.Normalise("1", result).Scans).CarrierEstimate;

        Assert.Equal(new DeliveryEstimate(new DateOnly(2007, 9, 27)), estimate);
    }

    [Fact]
    public void EstimatedDeliveryDate_WithoutOffset_NeedsNoKnownZone()
    {
        var result = ResultWith(Scan("PU")) with
        {
            DateAndTimes = [new FedexDateAndTime("ESTIMATED_DELIVERY", "2007-09-27T00:00:00")],
            RecipientInformation = new FedexContactAndAddress(Toronto),
        };

        Assert.Equal(new DateOnly(2007, 9, 27), Assert.Single(_normaliser.Normalise("1", result).Scans).CarrierEstimate?.Date);
    }

    [Theory]
    [InlineData("WA", -7)]
    [InlineData("NY", -4)]
    public void WindowTimeWithoutOffset_IsReadInTheDestinationsZone_NotTheScans(string destinationState, int offsetHours)
    {
        var result = ResultWith(Scan("PU", location: Memphis)) with
        {
            EstimatedDeliveryTimeWindow = new FedexTimeWindow("ESTIMATED_DELIVERY", null, new FedexTimeRange("2021-10-01T08:00:00", "2021-10-01T12:00:00")),
            RecipientInformation = new FedexContactAndAddress(new FedexAddress("TOWN", destinationState, "00000", "US")),
        };

        var estimate = Assert.Single(_normaliser.Normalise("1", result).Scans).CarrierEstimate!;

        Assert.Equal(new DateOnly(2021, 10, 1), estimate.Date);
        Assert.Equal(TimeSpan.FromHours(offsetHours), estimate.WindowStart!.Value.Offset);
        Assert.Equal(8, estimate.WindowStart.Value.Hour);
        Assert.Equal(TimeSpan.FromHours(offsetHours), estimate.WindowEnd!.Value.Offset);
        Assert.Equal(12, estimate.WindowEnd.Value.Hour);
    }

    [Fact]
    public void WindowMixingOffsetAndNoOffset_KeepsTheWrittenOffset_AndZonesTheOther()
    {
        var result = ResultWith(Scan("PU")) with
        {
            EstimatedDeliveryTimeWindow = new FedexTimeWindow(null, null, new FedexTimeRange("2021-10-15T08:00:00", "2021-10-15T12:00:00-06:00")),
            LastUpdatedDestinationAddress = Seattle,
        };

        var estimate = Assert.Single(_normaliser.Normalise("1", result).Scans).CarrierEstimate!;

        Assert.Equal(new DateTimeOffset(2021, 10, 15, 8, 0, 0, TimeSpan.FromHours(-7)), estimate.WindowStart);
        Assert.Equal(TimeSpan.FromHours(-7), estimate.WindowStart!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2021, 10, 15, 12, 0, 0, TimeSpan.FromHours(-6)), estimate.WindowEnd);
        Assert.Equal(TimeSpan.FromHours(-6), estimate.WindowEnd!.Value.Offset);
    }

    [Fact]
    public void WindowTimeWithoutOffset_WhereTheDestinationsZoneIsUnknown_IsLeftOut_TheDayIsKept()
    {
        var result = ResultWith(Scan("PU")) with
        {
            EstimatedDeliveryTimeWindow = new FedexTimeWindow(null, null, new FedexTimeRange("2021-10-15T08:00:00", "2021-10-15T12:00:00-04:00")),
            RecipientInformation = new FedexContactAndAddress(Toronto),
        };

        var estimate = Assert.Single(_normaliser.Normalise("1", result).Scans).CarrierEstimate!;

        Assert.Equal(new DateOnly(2021, 10, 15), estimate.Date);
        Assert.Null(estimate.WindowStart);
        Assert.Equal(TimeSpan.FromHours(-4), estimate.WindowEnd!.Value.Offset);
    }
}
