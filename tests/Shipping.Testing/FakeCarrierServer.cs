using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shipping.Testing;

/// <summary>
/// A carrier's API faked at the HTTP level: a real Kestrel server on a free loopback port, answering with the
/// responses a test sets (the carrier's own example payloads), and recording every request it got.
/// Point an adapter at it with <c>Carriers:{Carrier}:BaseUrl = server.BaseUrl</c>.
/// </summary>
public sealed class FakeCarrierServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, Task<FakeResponse>>> _routes = new(StringComparer.OrdinalIgnoreCase);

    private FakeCarrierServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public static async Task<FakeCarrierServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeCarrierServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (query ignored) with what <paramref name="respond"/> returns.</summary>
    public FakeCarrierServer On(string method, string path, Func<RecordedRequest, FakeResponse> respond) =>
        OnAsync(method, path, request => Task.FromResult(respond(request)));

    public FakeCarrierServer OnAsync(string method, string path, Func<RecordedRequest, Task<FakeResponse>> respond)
    {
        _routes[$"{method} {path}"] = respond;
        return this;
    }

    public int Count(string method, string path) =>
        _requests.Count(r => r.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && r.Path == path);

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? "",
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            await reader.ReadToEndAsync());
        _requests.Enqueue(recorded);

        if (!_routes.TryGetValue($"{recorded.Method} {recorded.Path}", out var respond))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var response = await respond(recorded);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(
    string Method, string Path, string QueryString, IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

public sealed record FakeResponse(int Status, string? Body = null, string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeResponse Json(string body, int status = 200) => new(status, body);

    public static FakeResponse Problem(int status, string body) => new(status, body, "application/problem+json");

    public static FakeResponse TooManyRequests(int retryAfterSeconds) =>
        new(429, """{"title":"Too Many Requests","status":429}""", Headers: new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public static FakeResponse ServerError() => new(503, """{"title":"Service Unavailable","status":503}""");
}
