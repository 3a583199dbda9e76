using Shipping.Carriers.Polling;
using Shipping.Contracts;

namespace Shipping.Carriers.Tests;

public class PollingPolicyTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);

    // A generous daily allowance, so the allowance does not bind unless a test wants it to.
    private static readonly PollingOptions Options = new() { MaxFetchesPerShipmentPerDay = 1000 };

    private static ClaimedParcel Parcel(string? status = null, int fetchesToday = 0, int quiet = 0, int failures = 0, DateOnly? day = null) =>
        new("JJD0001", status, day ?? Today, fetchesToday, quiet, failures);

    private static TrackingLookup Found => new TrackingLookup.Found([]);

    [Theory]
    [InlineData(TrackingStatus.Delivered)]
    [InlineData(TrackingStatus.ReturnToSender)]
    [InlineData(TrackingStatus.Expired)]
    public void FinalStatus_StopsWatching(TrackingStatus final)
    {
        var decision = PollingPolicy.After(Parcel("InTransit"), Found, final, newScans: true, Options, Morning, 0);

        Assert.False(decision.KeepWatching);
        Assert.Equal(final.ToString(), decision.LastStatus);
    }

    [Theory]
    [InlineData(TrackingStatus.OutForDelivery, 30)]
    [InlineData(TrackingStatus.AttemptFail, 30)]
    [InlineData(TrackingStatus.InTransit, 180)]
    [InlineData(TrackingStatus.InfoReceived, 360)]
    public void NextLookup_DependsOnHowCloseDeliveryIs(TrackingStatus status, int minutes)
    {
        var decision = PollingPolicy.After(Parcel(), Found, status, newScans: true, Options, Morning, 0);

        Assert.True(decision.KeepWatching);
        Assert.Equal(Morning.AddMinutes(minutes), decision.NextPollAt);
    }

    [Fact]
    public void NothingNew_DoublesTheInterval_UpToQuiet()
    {
        var once = PollingPolicy.After(Parcel("InTransit", quiet: 0), Found, TrackingStatus.InTransit, newScans: false, Options, Morning, 0);
        var often = PollingPolicy.After(Parcel("InTransit", quiet: 6), Found, TrackingStatus.InTransit, newScans: false, Options, Morning, 0);

        Assert.Equal(Morning.AddHours(6), once.NextPollAt);
        Assert.Equal(1, once.QuietPolls);
        Assert.Equal(Morning + Options.Quiet, often.NextPollAt);
    }

    [Fact]
    public void SomethingNew_ResetsTheBackOff()
    {
        var decision = PollingPolicy.After(Parcel("InTransit", quiet: 5), Found, TrackingStatus.OutForDelivery, newScans: true, Options, Morning, 0);

        Assert.Equal(0, decision.QuietPolls);
        Assert.Equal(Morning.AddMinutes(30), decision.NextPollAt);
    }

    [Fact]
    public void Failures_BackOffExponentially_AndKeepTheStatus()
    {
        var first = PollingPolicy.After(Parcel("InTransit"), new TrackingLookup.Failed("503"), null, false, Options, Morning, 0);
        var third = PollingPolicy.After(Parcel("InTransit", failures: 2), new TrackingLookup.Failed("503"), null, false, Options, Morning, 0);

        Assert.Equal(Morning.AddMinutes(5), first.NextPollAt);
        Assert.Equal(Morning.AddMinutes(20), third.NextPollAt);
        Assert.Equal(3, third.Failures);
        Assert.Equal("InTransit", third.LastStatus);
        Assert.True(third.KeepWatching);
    }

    [Fact]
    public void RateLimited_WaitsAtLeastTheCarriersRetryAfter()
    {
        var decision = PollingPolicy.After(Parcel("InTransit"), new TrackingLookup.RateLimited(TimeSpan.FromMinutes(17)), null, false, Options, Morning, 0);

        Assert.Equal(Morning.AddMinutes(17), decision.NextPollAt);
    }

    [Fact]
    public void DailyAllowanceSpent_WaitsForTomorrow()
    {
        var dhl = new PollingOptions { MaxFetchesPerShipmentPerDay = 10 };

        var decision = PollingPolicy.After(Parcel("OutForDelivery", fetchesToday: 9), Found, TrackingStatus.OutForDelivery, true, dhl, Morning, 0);

        Assert.Equal(10, decision.FetchesToday);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), decision.NextPollAt);
    }

    [Fact]
    public void WhatIsLeftOfTheAllowance_IsSpreadOverWhatIsLeftOfTheDay()
    {
        var dhl = new PollingOptions { MaxFetchesPerShipmentPerDay = 10 };

        // 16 hours left, 2 lookups left after this one: not sooner than every 16 / 3 hours.
        var decision = PollingPolicy.After(Parcel("OutForDelivery", fetchesToday: 7), Found, TrackingStatus.OutForDelivery, true, dhl, Morning, 0);

        Assert.Equal(Morning + TimeSpan.FromHours(16) / 3, decision.NextPollAt);
    }

    [Fact]
    public void ANewDay_StartsANewAllowance()
    {
        var decision = PollingPolicy.After(Parcel("InTransit", fetchesToday: 10, day: Today.AddDays(-1)), Found, TrackingStatus.InTransit, true, Options, Morning, 0);

        Assert.Equal(1, decision.FetchesToday);
        Assert.Equal(Today, decision.FetchDay);
    }

    [Fact]
    public void Jitter_SpreadsParcelsBy_AtMostATenth()
    {
        var none = PollingPolicy.After(Parcel(), Found, TrackingStatus.InTransit, true, Options, Morning, 0);
        var most = PollingPolicy.After(Parcel(), Found, TrackingStatus.InTransit, true, Options, Morning, 0.999);

        Assert.InRange(most.NextPollAt - none.NextPollAt, TimeSpan.FromMinutes(17), TimeSpan.FromMinutes(18));
    }
}

public class TrackingLookupTests
{
    [Fact]
    public void RetryAfter_InSeconds_IsTheDelay() =>
        Assert.Equal(TimeSpan.FromSeconds(120), TrackingLookup.RetryAfterDelay(new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(120))));

    [Fact]
    public void RetryAfter_AsADate_IsTheTimeUntilThen()
    {
        var now = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromMinutes(3), TrackingLookup.RetryAfterDelay(new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddMinutes(3)), now));
    }

    [Fact]
    public void NoRetryAfter_IsNoDelay() => Assert.Null(TrackingLookup.RetryAfterDelay(null));
}
