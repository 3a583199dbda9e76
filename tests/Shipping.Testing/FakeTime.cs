namespace Shipping.Testing;

/// <summary>
/// A clock a test sets: it runs on from where it was set at the real pace (so waits and timeouts behave), and can be
/// moved to any instant (late evening in Berlin, the next morning). Timers are not faked.
/// </summary>
public sealed class FakeTime(DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks = (start - System.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - System.GetUtcNow()).Ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
