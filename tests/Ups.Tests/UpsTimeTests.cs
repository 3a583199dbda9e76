using Shipping.Carriers.Ups.Normalising;
using Shipping.Contracts;

namespace Shipping.Carriers.Ups.Tests;

public class UpsTimeTests
{
    private static readonly TimestampFields Fields = new("date", "time", "gmtDate", "gmtTime", "gmtOffset");
    private static readonly EventLocation Charlotte = new("Charlotte", null, "US", "NC");

    private static (string At, Dictionary<string, string[]> Errors) Resolve(
        string? date, string? time, string? gmtDate = null, string? gmtTime = null, string? offset = null, EventLocation? location = null)
    {
        var errors = new Dictionary<string, string[]>();
        return (TestData.At(UpsTime.Resolve(new UpsTimestamp(date, time, gmtDate, gmtTime, offset), location, Fields, errors)), errors);
    }

    [Theory]
    [InlineData("071356", 7, 13, 56)] // Tracking.yaml, Activity.time example
    [InlineData("74700", 7, 47, 0)]   // Tracking.yaml, Activity.gmtTime example: not zero-padded
    [InlineData("235959", 23, 59, 59)]
    [InlineData("0", 0, 0, 0)]
    public void Time_IsReadAsHHMMSS_EvenWithoutLeadingZeros(string text, int hours, int minutes, int seconds)
    {
        Assert.True(UpsTime.TryParseTime(text, out var time));
        Assert.Equal(new TimeOnly(hours, minutes, seconds), time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("246000")]
    [InlineData("126000")]
    [InlineData("1200000")]
    [InlineData("12:00")]
    public void MalformedTime_IsRefused(string text) => Assert.False(UpsTime.TryParseTime(text, out _));

    [Theory]
    [InlineData("20210210", true)]
    [InlineData("20210230", false)]
    [InlineData("2021-02-10", false)]
    public void Date_IsReadAsYYYYMMDD(string text, bool valid) => Assert.Equal(valid, UpsTime.TryParseDate(text, out _));

    [Theory]
    [InlineData("-05:00", -300)] // Track API
    [InlineData("-04.00", -240)] // Track Alert: a dot, HH.MM
    [InlineData("+05.30", 330)]
    [InlineData("+0545", 345)]
    [InlineData("-05", -300)]
    public void Offset_IsReadInBothWritings(string text, int minutes)
    {
        Assert.True(UpsTime.TryParseOffset(text, out var offset));
        Assert.Equal(TimeSpan.FromMinutes(minutes), offset);
    }

    [Theory]
    [InlineData("05:00")]
    [InlineData("-4.5")]
    [InlineData("+15:00")]
    [InlineData("-05:75")]
    public void MalformedOffset_IsRefused(string text) => Assert.False(UpsTime.TryParseOffset(text, out _));

    [Fact]
    public void LocalTimeWithGmtOffset_KeepsThatOffset() =>
        Assert.Equal("2021-02-10T07:13:56-05:00", Resolve("20210210", "071356", offset: "-05:00", location: Charlotte).At);

    [Fact]
    public void LocalTimeWithTrackAlertOffset_KeepsThatOffset() =>
        Assert.Equal("2024-04-23T09:15:19-04:00", Resolve("20240423", "091519", "20240423", "131519", "-04.00").At);

    [Fact]
    public void GivenOffset_WinsOverTheLocationsZone() =>
        // Charlotte is on -04:00 in April; UPS said -05:00, and UPS knows where its scanner was.
        Assert.Equal("2024-04-23T09:15:19-05:00", Resolve("20240423", "091519", offset: "-05:00", location: Charlotte).At);

    [Fact]
    public void LocalAndGmtTimeWithoutOffset_TakeTheirDifferenceAsTheOffset() =>
        // UPSTrackAlert.yaml "Out for delivery" example: local 09:15:19, GMT 13:15:19, no gmtOffset; no location either.
        Assert.Equal("2024-04-23T09:15:19-04:00", Resolve("20240423", "091519", "20240423", "131519").At);

    [Fact]
    public void LocalAndGmtTime_AcrossMidnight_GiveTheOffset() =>
        Assert.Equal("2024-04-22T21:29:01-04:00", Resolve("20240422", "212901", "20240423", "012901").At);

    [Theory]
    [InlineData("20240423", "091519", "NC", "2024-04-23T09:15:19-04:00")] // summer time in the east
    [InlineData("20210210", "071356", "NJ", "2021-02-10T07:13:56-05:00")]
    [InlineData("20210209", "221500", "IL", "2021-02-09T22:15:00-06:00")]
    [InlineData("20210120", "101500", "CA", "2021-01-20T10:15:00-08:00")]
    [InlineData("20240701", "101500", "AZ", "2024-07-01T10:15:00-07:00")] // no summer time in Arizona
    public void MissingOffset_IsReadInTheLocationsZone(string date, string time, string state, string expected) =>
        Assert.Equal(expected, Resolve(date, time, location: new EventLocation(null, null, "US", state)).At);

    [Fact]
    public void MissingOffset_AndGmtThatCannotBeAnOffset_IsReadInTheLocationsZone() =>
        // Local 07:13:56 against GMT 07:47:00 is no zone's offset (Tracking.yaml's examples disagree like this).
        Assert.Equal("2021-02-10T07:13:56-05:00", Resolve("20210210", "071356", "20210210", "74700", location: new EventLocation("Wayne", "07470", "US", "NJ")).At);

    [Fact]
    public void MissingOffset_WithoutGmtOrAKnownZone_IsAnError_NotUtc()
    {
        var (at, errors) = Resolve("20210210", "071356", location: new EventLocation("Springfield", null, "US"));

        Assert.Equal("-", at);
        Assert.Contains("time", errors.Keys);
    }

    [Fact]
    public void OnlyGmtTimeWithOffset_IsThatInstantAtThatOffset() =>
        Assert.Equal("2024-04-23T09:15:19-04:00", Resolve(null, null, "20240423", "131519", "-04.00").At);

    [Fact]
    public void OnlyGmtTime_IsShownInTheLocationsZone() =>
        Assert.Equal("2024-04-23T09:15:19-04:00", Resolve(null, null, "20240423", "131519", location: Charlotte).At);

    [Fact]
    public void OnlyGmtTime_WithNoZoneKnown_StaysUtc() =>
        Assert.Equal("2024-04-23T13:15:19+00:00", Resolve(null, null, "20240423", "131519").At);

    [Fact]
    public void NoTimeAtAll_IsAnError() => Assert.Contains("date", Resolve(null, null).Errors.Keys);

    [Fact]
    public void DateWithoutTime_AndBadOffset_NameTheirFields()
    {
        var errors = Resolve("20210210", null, offset: "GMT-5").Errors;

        Assert.Equal(["gmtOffset", "time"], errors.Keys.Order());
    }
}
