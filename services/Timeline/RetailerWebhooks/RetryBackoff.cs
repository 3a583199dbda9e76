namespace Shipping.Timeline.RetailerWebhooks;

/// <summary>
/// When a failed delivery is tried again: <c>base · 2^(attempts-1)</c>, capped at the maximum, then spread by ±20 %
/// jitter so deliveries that failed together (one endpoint down) do not all come back in the same second.
/// </summary>
public static class RetryBackoff
{
    public const double JitterSpread = 0.2;

    /// <param name="failedAttempts">Attempts made so far, all failed (1 after the first).</param>
    /// <param name="jitter">A number in [0, 1); 0.5 means no jitter.</param>
    public static TimeSpan DelayAfter(int failedAttempts, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var exponent = Math.Min(failedAttempts - 1, 30);
        var nominal = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        var factor = 1 + JitterSpread * (2 * Math.Clamp(jitter, 0, 1) - 1);
        return TimeSpan.FromMilliseconds(Math.Min(nominal * factor, maxDelay.TotalMilliseconds));
    }
}
