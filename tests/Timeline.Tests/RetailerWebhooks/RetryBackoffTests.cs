using Shipping.Timeline.RetailerWebhooks;

namespace Shipping.Timeline.Tests.RetailerWebhooks;

public class RetryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Max = TimeSpan.FromHours(6);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(10, 15360)]
    public void WithoutJitter_TheWaitDoublesFromTheBase(int failedAttempts, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryBackoff.DelayAfter(failedAttempts, Base, Max, jitter: 0.5));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(16)]
    [InlineData(1000)]
    public void TheWait_NeverExceedsTheMaximum(int failedAttempts)
    {
        Assert.Equal(Max, RetryBackoff.DelayAfter(failedAttempts, Base, Max, jitter: 0.5));
        Assert.True(RetryBackoff.DelayAfter(failedAttempts, Base, Max, jitter: 0.999) <= Max);
    }

    [Fact]
    public void Jitter_SpreadsTheWait_ByAtMostTwentyPercentEitherWay()
    {
        Assert.Equal(TimeSpan.FromSeconds(48), RetryBackoff.DelayAfter(2, Base, Max, jitter: 0));
        Assert.Equal(TimeSpan.FromSeconds(72), RetryBackoff.DelayAfter(2, Base, Max, jitter: 1));
        Assert.NotEqual(RetryBackoff.DelayAfter(2, Base, Max, jitter: 0.1), RetryBackoff.DelayAfter(2, Base, Max, jitter: 0.9));
    }
}
