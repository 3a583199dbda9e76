using System.Diagnostics;
using System.Net;
using Shipping.Testing.Benchmarking;

namespace Shipping.Web.Benchmarks;

/// <summary>One request of a run: the path, and a text the answer must contain to count as right.</summary>
public sealed record Target(string Path, string Expected);

/// <summary>What a load run measured.</summary>
public sealed record LoadResult(int Requests, TimeSpan Elapsed, Latencies Latency, int Errors, int Wrong, long Bytes)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    public double MeanBytes => Requests == 0 ? 0 : (double)Bytes / Requests;
}

/// <summary>
/// HTTP load on loopback from this process: closed loop (N clients, each sending its next request when the last one
/// answered: the most the server does) and open loop (requests sent at a fixed rate whatever the answers do; latency
/// counted from when a request was due, so a slow server cannot hide its queue).
/// </summary>
public sealed class LoadGenerator(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1_024,
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<LoadResult> ClosedLoopAsync(Func<int, Target> next, int clients, TimeSpan duration)
    {
        var latency = new Latencies();
        var counters = new Counters();
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        var sequence = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var due = Stopwatch.GetTimestamp();
                await SendAsync(next(Interlocked.Increment(ref sequence)), due, latency, counters);
            }
        })));
        return counters.Result(Stopwatch.GetElapsedTime(start), latency);
    }

    public async Task<LoadResult> OpenLoopAsync(Func<int, Target> next, int perSecond, TimeSpan duration)
    {
        var latency = new Latencies();
        var counters = new Counters();
        var total = (int)(perSecond * duration.TotalSeconds);
        var sent = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / perSecond);
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(1);
            }

            var target = next(i);
            sent.Add(Task.Run(() => SendAsync(target, due, latency, counters)));
        }

        await Task.WhenAll(sent);
        return counters.Result(Stopwatch.GetElapsedTime(start), latency);
    }

    public async Task<string> GetStringAsync(string path) => await _http.GetStringAsync(path);

    public void Dispose() => _http.Dispose();

    private async Task SendAsync(Target target, long due, Latencies latency, Counters counters)
    {
        try
        {
            using var response = await _http.GetAsync(target.Path, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsStringAsync();
            latency.AddSince(due);
            Interlocked.Add(ref counters.Bytes, body.Length);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref counters.Errors);
            }
            else if (!body.Contains(target.Expected, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref counters.Wrong);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            latency.AddSince(due);
            Interlocked.Increment(ref counters.Errors);
        }

        Interlocked.Increment(ref counters.Requests);
    }

    private sealed class Counters
    {
        public int Requests;
        public int Errors;
        public int Wrong;
        public long Bytes;

        public LoadResult Result(TimeSpan elapsed, Latencies latency) => new(Requests, elapsed, latency, Errors, Wrong, Bytes);
    }
}
