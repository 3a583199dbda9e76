using Shipping.Notifications.Alerts.Sending;

namespace Shipping.Notifications.Tests.Sending;

public sealed class TrackingLinkExpiryTests
{
    [Theory]
    [InlineData("2026-11-27T10:00:00+00:00", "2026-11-28T00:00:00+00:00")]
    [InlineData("2026-11-27T10:00:01+00:00", "2026-11-28T00:00:00+00:00")]
    [InlineData("2026-11-27T23:59:59+00:00", "2026-11-28T00:00:00+00:00")]
    [InlineData("2026-11-28T00:00:00+00:00", "2026-11-28T00:00:00+00:00")]
    [InlineData("2026-11-28T00:30:00+01:00", "2026-11-28T00:00:00+00:00")]
    public void LinksExpireAtTheNextUtcMidnight_SoOneDaysLinksToAnOrderAreTheSame(string at, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), AlertComposer.EndOfUtcDay(DateTimeOffset.Parse(at)));
}
