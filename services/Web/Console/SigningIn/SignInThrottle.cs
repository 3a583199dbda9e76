using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Shipping.Web.Console.SigningIn;

/// <summary>
/// Beside the per-account lockout: a client address whose sign-in steps were refused
/// <see cref="ConsoleOptions.SignInFailuresPerClient"/> times within <see cref="ConsoleOptions.SignInFailureWindow"/> is
/// refused (429) until the window ends, whichever accounts it tried, so passwords cannot be sprayed across many accounts.
/// Successful sign-ins do not count. Kept per replica, in memory.
/// </summary>
public sealed class SignInThrottle(IMemoryCache cache, IOptions<ConsoleOptions> options, TimeProvider time)
{
    public bool IsBlocked(HttpContext http) =>
        cache.TryGetValue(Key(http), out Window? window) && window!.Failures >= Math.Max(1, options.Value.SignInFailuresPerClient);

    public void RecordFailure(HttpContext http)
    {
        var window = cache.GetOrCreate(Key(http), entry =>
        {
            entry.AbsoluteExpiration = time.GetUtcNow() + options.Value.SignInFailureWindow;
            entry.Size = 1;
            return new Window();
        })!;
        Interlocked.Increment(ref window.Failures);
    }

    private static string Key(HttpContext http) => "console-signin-failures:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private sealed class Window
    {
        public int Failures;
    }
}
