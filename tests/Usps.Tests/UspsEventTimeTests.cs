using System.Text.Json;
using Shipping.Carriers.Usps.Normalising;
using Shipping.Carriers.Usps.Tracking;
using Shipping.Contracts;

namespace Shipping.Carriers.Usps.Tests;

public class UspsEventTimeTests
{
    private static readonly EventLocation LosAngeles = new("LOS ANGELES", "90012", "US", "CA");
    private static readonly EventLocation NewYork = new("NEW YORK", "10001", "US", "NY");

    private static UspsTrackingEvent Times(string? local = null, string? gmt = null, string? offset = null) =>
        new("10", "Processed", null, local, gmt, offset, null, null, null, null, null);

    private static DateTimeOffset Resolve(UspsTrackingEvent e, EventLocation? location) => UspsEventTime.Resolve(e, location);

    [Fact]
    public void SpecEventDateTimeExample_KeepsItsOffset() =>
        ScanAssert.At(ScanAssert.Time("2024-04-04T14:03:12-07:00"), Resolve(Times(SpecExamples.TrackingSchemaExample("EventDateTime")), NewYork));

    [Fact]
    public void SpecFieldExamplesTogether_DisagreeAboutTheInstant_AndTheLocalTimeWrittenWithItsOffsetWins()
    {
        // Tracking v3r2 gives eventTimestamp 14:03:12-07:00, GMTTimestamp 14:03:12.041Z and GMTOffset -7:00: the GMT
        // example is not the same instant. A local time that carries its own offset is the event's time as USPS wrote it.
        var e = Times(SpecExamples.TrackingSchemaExample("EventDateTime"), SpecExamples.TrackingEventExample("GMTTimestamp"), SpecExamples.TrackingEventExample("GMTOffset"));

        ScanAssert.At(ScanAssert.Time("2024-04-04T14:03:12-07:00"), Resolve(e, LosAngeles));
    }

    [Fact]
    public void SpecGmtExamples_GiveTheGmtInstant_AtTheGmtOffset()
    {
        var e = Times(gmt: SpecExamples.TrackingEventExample("GMTTimestamp"), offset: SpecExamples.TrackingEventExample("GMTOffset"));

        ScanAssert.At(ScanAssert.Time("2024-04-04T07:03:12.041-07:00"), Resolve(e, null));
    }

    [Theory]
    [InlineData("2024-04-04 14:03:12.041000+00:00")] // the spec's GMTTimestamp example as YAML 1.1 tools print it
    [InlineData("2024-04-04T14:03:12.041Z")]
    [InlineData("2024-04-04T14:03:12.041")] // no designator: the field is GMT by definition
    public void GmtTimestamp_InEveryForm_IsTheSameInstant(string gmt) =>
        ScanAssert.At(ScanAssert.Time("2024-04-04T07:03:12.041-07:00"), Resolve(Times(gmt: gmt, offset: "-7:00"), null));

    [Fact]
    public void GmtTimestamp_WinsOverALocalTimeWithoutOffset()
    {
        var e = Times("2025-02-07T12:55:12", "2025-02-07T17:55:12Z", "-5:00");

        ScanAssert.At(ScanAssert.Time("2025-02-07T12:55:12-05:00"), Resolve(e, LosAngeles));
    }

    [Fact]
    public void LocalAndGmtReadings_WithoutGmtOffset_GiveTheOffsetBetweenThem_OverTheLocationsZone() =>
        ScanAssert.At(ScanAssert.Time("2025-02-07T12:55:12-05:00"), Resolve(Times("2025-02-07 12:55:12", "2025-02-07T17:55:12Z"), LosAngeles));

    [Fact]
    public void LocalAndGmtReadings_ThatGiveNoPlausibleOffset_FallBackToTheLocationsZone() =>
        ScanAssert.At(ScanAssert.Time("2025-02-07T09:55:12-08:00"), Resolve(Times("2025-02-07T12:56:01", "2025-02-07T17:55:12Z"), LosAngeles));

    [Fact]
    public void GmtTimestampWithoutOffset_IsShownInTheLocationsZone() =>
        ScanAssert.At(ScanAssert.Time("2025-11-20T18:15:00-05:00"), Resolve(Times(gmt: "2025-11-20 23:15:00"), new EventLocation(null, null, "US", "NJ")));

    [Fact]
    public void GmtTimestampWithoutOffset_AndNoKnownZone_KeepsTheExactInstantInUtc() =>
        ScanAssert.At(ScanAssert.Time("2025-11-20T23:15:00+00:00"), Resolve(Times(gmt: "2025-11-20T23:15:00Z"), null));

    [Theory]
    [InlineData("2025-07-01T09:15:00", "CA", "2025-07-01T09:15:00-07:00")] // summer: PDT
    [InlineData("2025-12-01T09:15:00", "CA", "2025-12-01T09:15:00-08:00")] // winter: PST
    [InlineData("2025-12-01 09:15:00", "NY", "2025-12-01T09:15:00-05:00")] // a space instead of the T
    [InlineData("2025-07-01 09:15:00", "AZ", "2025-07-01T09:15:00-07:00")] // no summer time in Arizona
    public void MissingOffset_IsReadInTheLocationsZone(string local, string state, string expected) =>
        ScanAssert.At(ScanAssert.Time(expected), Resolve(Times(local), new EventLocation(null, null, "US", state)));

    [Fact]
    public void MissingOffset_WithGmtOffset_TakesThatOffset_OverTheLocationsZone() =>
        ScanAssert.At(ScanAssert.Time("2025-02-07T12:55:12-05:00"), Resolve(Times("2025-02-07T12:55:12", offset: "-05:00"), LosAngeles));

    [Fact]
    public void MissingOffset_AndNoKnownZone_IsRefused_NotReadAsUtc()
    {
        Assert.Throws<FormatException>(() => Resolve(Times("2025-02-07T12:55:12"), new EventLocation("APO", "09001", "US", "AE")));
        Assert.Throws<FormatException>(() => Resolve(Times("2025-02-07T12:55:12"), null));
    }

    [Fact]
    public void UnreadableGmtOffset_IsIgnored_AndTheLocationsZoneUsed() =>
        ScanAssert.At(ScanAssert.Time("2025-12-01T09:15:00-05:00"), Resolve(Times("2025-12-01T09:15:00", offset: "EST"), NewYork));

    [Fact]
    public void SpecEventDateExample_ABareDate_IsTheStartOfThatDayAtTheLocation() =>
        ScanAssert.At(ScanAssert.Time("2024-04-04T00:00:00-07:00"), Resolve(Times(SpecExamples.TrackingSchemaExample("EventDate")), LosAngeles));

    [Fact]
    public void BareDate_WithGmtOffset_IsTheStartOfThatDayAtThatOffset() =>
        ScanAssert.At(ScanAssert.Time("2024-04-04T00:00:00-05:00"), Resolve(Times("2024-04-04", offset: "-5:00"), LosAngeles));

    [Fact]
    public void BareDate_AndNoKnownZone_IsRefused() =>
        Assert.Throws<FormatException>(() => Resolve(Times("2024-04-04"), null));

    [Fact]
    public void LocalTimeInUtc_AsInUspsReadme_IsThatInstant_ShownInTheLocationsZone() =>
        ScanAssert.At(ScanAssert.Time("2023-08-02T03:31:00-04:00"), Resolve(Times("2023-08-02T07:31:00Z"), NewYork));

    [Fact]
    public void NoTimeAtAll_IsRefused() =>
        Assert.Throws<FormatException>(() => Resolve(Times(" "), NewYork));

    [Fact]
    public void NotATime_IsRefused() =>
        Assert.Throws<FormatException>(() => Resolve(Times("yesterday"), NewYork));

    [Theory]
    [InlineData("-7:00", -420)] // the spec's example
    [InlineData("-5:00", -300)] // the notification example
    [InlineData("-05:00", -300)]
    [InlineData("-0500", -300)]
    [InlineData("+05:30", 330)]
    [InlineData("0:00", 0)]
    [InlineData("-420", -420)] // minutes, as YAML 1.1 reads the spec's -7:00
    [InlineData("-5", -300)] // whole hours
    public void GmtOffset_InEveryForm_IsReadAsAnOffset(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), UspsEventTime.ParseOffset(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("EST")]
    [InlineData("-25:00")]
    [InlineData("-9999")]
    public void GmtOffset_ThatIsNoOffset_IsNull(string? text) => Assert.Null(UspsEventTime.ParseOffset(text));

    [Fact]
    public void GmtOffset_WrittenAsAJsonNumber_IsRead()
    {
        var e = JsonSerializer.Deserialize<UspsTrackingEvent>("""{"eventCode":"07","eventTimestamp":"2025-11-21T05:48:00","GMTOffset":-300}""", UspsJson.Options)!;

        ScanAssert.At(ScanAssert.Time("2025-11-21T05:48:00-05:00"), Resolve(e, null));
    }
}
