using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shipping.Carriers.DeliveryChanges;
using Shipping.Carriers.Polling;
using Shipping.Carriers.Watching;
using Shipping.Contracts;
using Shipping.ServiceDefaults;
using Shipping.Testing;

namespace Shipping.Carriers.EasyPost.Tests;

/// <summary>
/// The tracker as production builds it (service defaults with the standard resilience handler, the adapter's own
/// registration), against a fake EasyPost answering with the docs' Tracker object. The host is built, not started:
/// nothing here needs PostgreSQL or RabbitMQ.
/// </summary>
public sealed class TrackerTests : IAsyncLifetime
{
    private const string ApiKey = "EZTK_test_key";
    private const string TrackingCode = "EZ1000000001";

    private FakeCarrierServer _easyPost = null!;

    public async Task InitializeAsync() => _easyPost = await FakeCarrierServer.StartAsync();

    public async Task DisposeAsync() => await _easyPost.DisposeAsync();

    private IHost Build(string apiKey = ApiKey)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(EasyPostOptions).Assembly.GetName().Name,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Required to register the adapter; never connected to, since the host is not started.
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Database=unused",
            ["ConnectionStrings:RabbitMq"] = "amqp://guest:guest@127.0.0.1:5672/unused",
            ["Carriers:EasyPost:BaseUrl"] = _easyPost.BaseUrl.ToString(),
            ["Carriers:EasyPost:ApiKey"] = apiKey,
        });
        builder.AddServiceDefaults();
        builder.AddEasyPost();
        return builder.Build();
    }

    private async Task<TrackingLookup> TrackAsync(string trackingNumber = TrackingCode, string apiKey = ApiKey)
    {
        using var host = Build(apiKey);
        return await host.Services.GetRequiredService<ICarrierTracker>().TrackAsync(trackingNumber, CancellationToken.None);
    }

    private static FakeResponse RetryAfterOne(int status) =>
        new(status, """{"error":{"code":"UNAVAILABLE","message":"try again","errors":[]}}""",
            Headers: new Dictionary<string, string> { ["Retry-After"] = "1" });

    [Fact]
    public async Task Found_IsTheTrackersScans_AndItsPublicPage()
    {
        _easyPost.On("POST", "/v2/trackers", _ => FakeResponse.Json(SpecFiles.Read(EasyPostSpecs.TrackersRetrieve)));

        var found = Assert.IsType<TrackingLookup.Found>(await TrackAsync());

        Assert.Equal(ExpectedScans.TrackersRetrieve, found.Scans.Select(ExpectedScan.Of));
        Assert.Equal("https://track.easypost.com/djE6dHJrXzkxMzU4NjI3Mjk3MzRkOTZhZDJmOWVkMGYwNTY1YTI3", found.SelfServiceUrl);
    }

    [Fact]
    public async Task Lookup_CreatesOrGetsTheTracker_WithBasicAuthFromTheApiKey()
    {
        _easyPost.On("POST", "/v2/trackers", _ => FakeResponse.Json(SpecFiles.Read(EasyPostSpecs.TrackersRetrieve)));

        await TrackAsync();

        var request = Assert.Single(_easyPost.Requests);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiKey + ":")), request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        using var body = JsonDocument.Parse(request.Body);
        var tracker = body.RootElement.GetProperty("tracker");
        Assert.Equal(TrackingCode, tracker.GetProperty("tracking_code").GetString());
        Assert.Single(tracker.EnumerateObject()); // no guessed carrier: EasyPost detects it
    }

    [Fact]
    public async Task UnknownToEasyPost_IsNotFound()
    {
        _easyPost.On("POST", "/v2/trackers", _ => FakeResponse.Json(
            """{"error":{"code":"NOT_FOUND","message":"The requested resource could not be found.","errors":[]}}""", 404));

        var notFound = Assert.IsType<TrackingLookup.NotFound>(await TrackAsync());

        Assert.Contains("NOT_FOUND", notFound.Detail);
        Assert.Equal(1, _easyPost.Count("POST", "/v2/trackers"));
    }

    [Fact]
    public async Task TrackerWithoutScansYet_IsNotFound()
    {
        var empty = JsonSerializer.Serialize(new { id = "trk_2", @object = "Tracker", tracking_code = TrackingCode, status = "unknown", tracking_details = Array.Empty<object>() });
        _easyPost.On("POST", "/v2/trackers", _ => FakeResponse.Json(empty));

        var notFound = Assert.IsType<TrackingLookup.NotFound>(await TrackAsync());

        Assert.Contains("unknown", notFound.Detail);
    }

    [Fact]
    public async Task RateLimited_WithRetryAfter_IsRateLimitedForThatLong_WithoutSpendingMoreCalls()
    {
        _easyPost.On("POST", "/v2/trackers", _ => RetryAfterOne(429));

        var limited = Assert.IsType<TrackingLookup.RateLimited>(await TrackAsync());

        Assert.Equal(TimeSpan.FromSeconds(1), limited.RetryAfter);
        Assert.Equal(1, _easyPost.Count("POST", "/v2/trackers")); // a 429 goes back to the poller, which waits it out
    }

    [Fact]
    public async Task ServerError_IsFailed_AfterTheResilienceHandlersRetries()
    {
        _easyPost.On("POST", "/v2/trackers", _ => RetryAfterOne(503));

        var failed = Assert.IsType<TrackingLookup.Failed>(await TrackAsync());

        Assert.StartsWith("HTTP 503", failed.Detail);
        Assert.Equal(4, _easyPost.Count("POST", "/v2/trackers"));
    }

    [Fact]
    public async Task ServerError_ThenTheTracker_IsFound_ByTheRetry()
    {
        var calls = 0;
        _easyPost.On("POST", "/v2/trackers", _ => Interlocked.Increment(ref calls) == 1
            ? RetryAfterOne(503)
            : FakeResponse.Json(SpecFiles.Read(EasyPostSpecs.TrackersRetrieve)));

        Assert.IsType<TrackingLookup.Found>(await TrackAsync());
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task MissingApiKey_FailsCleanly_WithoutCallingEasyPost()
    {
        var failed = Assert.IsType<TrackingLookup.Failed>(await TrackAsync(apiKey: ""));

        Assert.Contains("Carriers:EasyPost:ApiKey", failed.Detail);
        Assert.Empty(_easyPost.Requests);
    }

    [Fact]
    public async Task TrackerForAnotherCode_IsFailed_NotRoutedToThisParcel()
    {
        _easyPost.On("POST", "/v2/trackers", _ => FakeResponse.Json(SpecFiles.Read(EasyPostSpecs.TrackersRetrieve)));

        Assert.IsType<TrackingLookup.Failed>(await TrackAsync("EZ2000000002"));
    }

    [Fact]
    public async Task TrackerWithABadScanTime_IsFailed_NamingTheField()
    {
        _easyPost.On("POST", "/v2/trackers", _ => FakeResponse.Json(
            SpecFiles.Read(EasyPostSpecs.TrackersRetrieve).Replace("2025-04-10T09:17:17Z", "10/04/2025 9:17")));

        var failed = Assert.IsType<TrackingLookup.Failed>(await TrackAsync());

        Assert.Contains("tracking_details[1].datetime", failed.Detail);
    }

    [Fact]
    public void PollingDefaults_AreEasyPostsLimits()
    {
        using var host = Build();

        var polling = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<PollingOptions>>().Get(EasyPostOptions.Carrier);

        Assert.Equal((2d, 12), (polling.CallsPerSecond, polling.MaxFetchesPerShipmentPerDay));
    }

    [Fact]
    public async Task DeliveryChanges_AreRefused_PointingToTheTrackersPublicPage()
    {
        using var host = Build();
        var changer = host.Services.GetRequiredService<IDeliveryChanger>();
        var request = new ChangeDelivery(Guid.NewGuid(), "acme", Guid.NewGuid(), "easypost", TrackingCode, DeliveryChangeKind.NewDate,
            new DeliveryChangeDetails(Date: new DateOnly(2025, 5, 12)), DateTimeOffset.UtcNow);

        var outcome = await changer.ChangeAsync(request, new WatchedParcel { SelfServiceUrl = "https://track.easypost.com/1" }, CancellationToken.None);

        Assert.Empty(changer.Supported);
        var rejected = Assert.IsType<DeliveryChangeOutcome.Rejected>(outcome);
        Assert.Equal("https://track.easypost.com/1", rejected.SelfServiceUrl);
        Assert.Contains("EasyPost", rejected.Reason);
    }

    [Fact]
    public void MissingCredentials_AreNamedForTheStartupLog()
    {
        var missing = new EasyPostOptions().MissingCredentials();

        Assert.Equal(2, missing.Count);
        Assert.Contains(missing, m => m.StartsWith("Carriers:EasyPost:ApiKey is not set", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.StartsWith("Carriers:EasyPost:WebhookSecret is not set", StringComparison.Ordinal));
        Assert.Empty(new EasyPostOptions { ApiKey = "k", WebhookSecret = "s" }.MissingCredentials());
    }
}
