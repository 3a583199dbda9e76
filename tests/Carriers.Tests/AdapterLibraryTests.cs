using System.Text;
using Shipping.Carriers.Time;
using Shipping.Carriers.Watching;
using Shipping.Carriers.Webhooks;
using Shipping.Contracts;

namespace Shipping.Carriers.Tests;

public class WebhookSignatureTests
{
    // RFC 4231, test case 2.
    private const string Key = "Jefe";
    private const string Data = "what do ya want for nothing?";
    private const string Expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    [Fact]
    public void Sign_MatchesThePublishedHmacSha256Vector() =>
        Assert.Equal("sha256=" + Expected, WebhookSignature.SignHexSha256(Key, Encoding.UTF8.GetBytes(Data)));

    [Theory]
    [InlineData("sha256=" + Expected, true)]
    [InlineData("SHA256=" + "5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843", true)]
    [InlineData("sha256=" + "6bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", false)]
    [InlineData(Expected, false)]
    [InlineData("sha256=not-hex", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Verify_AcceptsOnlyTheRightSignature(string? header, bool valid) =>
        Assert.Equal(valid, WebhookSignature.VerifyHexSha256(Key, Encoding.UTF8.GetBytes(Data), header));

    [Fact]
    public void Verify_WithoutASecret_RefusesEverything() =>
        Assert.False(WebhookSignature.VerifyHexSha256("", Encoding.UTF8.GetBytes(Data), WebhookSignature.SignHexSha256("", Encoding.UTF8.GetBytes(Data))));

    [Fact]
    public void Verify_ABodyChangedByOneByte_Fails()
    {
        var signature = WebhookSignature.SignHexSha256(Key, Encoding.UTF8.GetBytes(Data));

        Assert.False(WebhookSignature.VerifyHexSha256(Key, Encoding.UTF8.GetBytes(Data + " "), signature));
    }
}

public class CarrierTimeTests
{
    [Fact]
    public void OffsetInTheText_IsKept_WhateverTheLocation() =>
        Assert.Equal(TimeSpan.FromHours(-5), CarrierTime.Parse("2026-11-23T09:15:00-05:00", new EventLocation("Berlin", null, "DE")).Offset);

    [Fact]
    public void UtcDesignator_IsKept() =>
        Assert.Equal(TimeSpan.Zero, CarrierTime.Parse("2026-11-23T09:15:00Z", new EventLocation("Berlin", null, "DE")).Offset);

    [Theory]
    [InlineData("CA", -8)]
    [InlineData("NY", -5)]
    [InlineData("AZ", -7)]
    public void UsTimeWithoutOffset_IsReadInTheStatesZone(string state, int offset) =>
        Assert.Equal(TimeSpan.FromHours(offset), CarrierTime.Parse("2026-11-23 09:15:00", new EventLocation(null, null, "US", state)).Offset);

    [Fact]
    public void UsTimeWithoutOffsetOrState_IsRefused_NotReadAsUtc() =>
        Assert.Throws<FormatException>(() => CarrierTime.Parse("2026-11-23T09:15:00", new EventLocation("Springfield", null, "US")));

    [Fact]
    public void ClockReadingSkippedBySummerTime_TakesTheOffsetFromBeforeTheGap()
    {
        var at = CarrierTime.Parse("2026-03-29T02:30:00", new EventLocation("Berlin", null, "DE"));

        Assert.Equal(TimeSpan.FromHours(1), at.Offset);
    }
}

public class WatchedParcelTests
{
    private static CarrierScan Scan(int minute) => CarrierScan.Create(
        "simulator", "SIM1", TrackingStatus.InTransit, TrackingSubstatus.Unspecified, "IN_TRANSIT", "x",
        new DateTimeOffset(2026, 11, 23, 9, minute % 60, 0, TimeSpan.FromHours(1)).AddHours(minute / 60), null, null);

    [Fact]
    public void Learn_ReturnsOnlyScansNotSeenBefore()
    {
        var parcel = new WatchedParcel();

        var first = parcel.Learn([Scan(1), Scan(1), Scan(2)]);
        var again = parcel.Learn([Scan(2), Scan(3)]);

        Assert.Equal([Scan(1).EventId, Scan(2).EventId], first.Select(s => s.EventId));
        Assert.Equal([Scan(3).EventId], again.Select(s => s.EventId));
        Assert.Equal(3, parcel.Scans.Count);
    }

    [Fact]
    public void Learn_KeepsOnlyTheNewestScans_WhenFull()
    {
        var parcel = new WatchedParcel();

        parcel.Learn(Enumerable.Range(0, WatchedParcel.MaxScans + 10).Select(Scan));

        Assert.Equal(WatchedParcel.MaxScans, parcel.Scans.Count);
        Assert.Equal(Scan(10).EventId, parcel.Scans[0].EventId);
    }

    [Fact]
    public void LastStatus_IsTheNewestScansByTheCarriersTime_WhateverOrderTheyCameIn()
    {
        var parcel = new WatchedParcel();
        var delivered = CarrierScan.Create("simulator", "SIM1", TrackingStatus.Delivered, TrackingSubstatus.ToRecipient, "DELIVERED", "x",
            new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.FromHours(1)), null, null);

        parcel.Learn([delivered]);
        parcel.Learn([Scan(5)]);

        Assert.Equal(TrackingStatus.Delivered, parcel.LastStatus);
        Assert.Equal(delivered.OccurredAt, parcel.LastEventAt);
    }
}

public class StableIdsTests
{
    [Fact]
    public void ScanId_IsTheSame_ForTheSameInstantWrittenWithAnotherOffset_AndSpacesOrCaseInTheNumber()
    {
        var at = new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.FromHours(1));

        Assert.Equal(
            StableIds.ForCarrierScan("DHL", " jjd 00 01", at, "transit"),
            StableIds.ForCarrierScan("dhl", "JJD 0001", at.ToUniversalTime(), "TRANSIT"));
    }

    [Fact]
    public void ScanId_Differs_WhenAnyPartDiffers()
    {
        var at = new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.FromHours(1));
        var id = StableIds.ForCarrierScan("dhl", "1", at, "A");

        Assert.NotEqual(id, StableIds.ForCarrierScan("ups", "1", at, "A"));
        Assert.NotEqual(id, StableIds.ForCarrierScan("dhl", "2", at, "A"));
        Assert.NotEqual(id, StableIds.ForCarrierScan("dhl", "1", at.AddSeconds(1), "A"));
        Assert.NotEqual(id, StableIds.ForCarrierScan("dhl", "1", at, "B"));
        Assert.NotEqual(StableIds.From("ab", "c"), StableIds.From("a", "bc"));
    }
}
