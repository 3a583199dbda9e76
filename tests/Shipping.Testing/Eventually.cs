namespace Shipping.Testing;

public static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds; fails the test with <paramref name="what"/> when it never does.</summary>
    public static async Task<T> Get<T>(Func<Task<T?>> probe, Func<T?, bool> condition, string what, TimeSpan? timeout = null, Func<T?, string>? describe = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        T? last;
        do
        {
            last = await probe();
            if (condition(last))
            {
                return last!;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}. Last seen: {(describe is null ? last : describe(last))}");
    }

    public static Task Until(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        Get(() => Task.FromResult<bool?>(condition()), ok => ok == true, what, timeout);
}
