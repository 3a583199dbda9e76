using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shipping.Carriers.Polling;
using Shipping.Carriers.Ups.Tracking;
using Shipping.ServiceDefaults;
using Shipping.Testing;

namespace Shipping.Carriers.Ups.Tests;

/// <summary>
/// The tracker as production builds it (service defaults with the standard resilience handler, the Refit client,
/// the OAuth token source, UPS's headers) against a fake UPS serving the spec-shaped answers.
/// </summary>
public sealed class UpsTrackerTests : IAsyncLifetime
{
    private const string DetailsPath = "/api/track/v1/details/" + TestData.TrackFixtureNumber;
    private const string TokenPath = "/security/v1/oauth/token";

    private FakeCarrierServer _ups = null!;
    private int _tokensIssued;

    public async Task InitializeAsync()
    {
        _ups = await FakeCarrierServer.StartAsync();
        // UPS's token answer writes expires_in as a string.
        _ups.On("POST", TokenPath, _ => FakeResponse.Json(
            $$"""{"token_type":"Bearer","issued_at":"1612950000000","client_id":"test-client","access_token":"token-{{Interlocked.Increment(ref _tokensIssued)}}","expires_in":"14399","status":"approved"}"""));
    }

    public async Task DisposeAsync() => await _ups.DisposeAsync();

    private IHost Host(Dictionary<string, string?>? overrides = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        var settings = new Dictionary<string, string?>
        {
            ["Carriers:Ups:BaseUrl"] = _ups.BaseUrl.ToString(),
            ["Carriers:Ups:ClientId"] = "test-client",
            ["Carriers:Ups:ClientSecret"] = "test-secret",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        builder.AddUps();
        return builder.Build();
    }

    private async Task<TrackingLookup> TrackAsync(Dictionary<string, string?>? overrides = null)
    {
        using var host = Host(overrides);
        return await host.Services.GetRequiredService<UpsTracker>().TrackAsync(TestData.TrackFixtureNumber, CancellationToken.None);
    }

    [Fact]
    public async Task KnownParcel_IsFound_WithItsScans()
    {
        _ups.On("GET", DetailsPath, _ => FakeResponse.Json(TestData.Fixture(TestData.TrackFixture)));

        var found = Assert.IsType<TrackingLookup.Found>(await TrackAsync());

        Assert.Equal(["OT", "SR", "DP", "MP"], found.Scans.Select(s => s.RawCode));
        Assert.Equal(
            TestData.TrackNormaliser().Normalise(TestData.TrackFixtureNumber, TestData.Deserialize<TrackApiResponse>(TestData.Fixture(TestData.TrackFixture))).Scans,
            found.Scans);
        Assert.Null(found.SelfServiceUrl);
    }

    [Fact]
    public async Task Lookups_FetchTheTokenOnce_AndSendUpsHeadersOnEveryCall()
    {
        _ups.On("GET", DetailsPath, _ => FakeResponse.Json(TestData.Fixture(TestData.TrackFixture)));
        using var host = Host(new() { ["Carriers:Ups:TransactionSource"] = "acme-shop" });
        var tracker = host.Services.GetRequiredService<UpsTracker>();

        await tracker.TrackAsync(TestData.TrackFixtureNumber, CancellationToken.None);
        await tracker.TrackAsync(TestData.TrackFixtureNumber, CancellationToken.None);

        var token = Assert.Single(_ups.Requests, r => r.Path == TokenPath);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("test-client:test-secret")), token.Header("Authorization"));
        Assert.Equal("grant_type=client_credentials", token.Body);
        Assert.StartsWith("application/x-www-form-urlencoded", token.Header("Content-Type"));

        var lookups = _ups.Requests.Where(r => r.Path == DetailsPath).ToList();
        Assert.Equal(2, lookups.Count);
        Assert.All(lookups, r =>
        {
            Assert.Equal("Bearer token-1", r.Header("Authorization"));
            Assert.Equal("acme-shop", r.Header("transactionSrc"));
            Assert.InRange(r.Header("transId")?.Length ?? 0, 1, 32);
            Assert.Equal("en_US", r.Query["locale"]);
        });
        Assert.NotEqual(lookups[0].Header("transId"), lookups[1].Header("transId"));
    }

    [Fact]
    public async Task TransactionSource_DefaultsToShipping()
    {
        _ups.On("GET", DetailsPath, _ => FakeResponse.Json(TestData.Fixture(TestData.TrackFixture)));

        await TrackAsync();

        Assert.Equal("shipping", _ups.Requests.Single(r => r.Path == DetailsPath).Header("transactionSrc"));
    }

    [Fact]
    public async Task Http404_IsNotFound()
    {
        // Tracking.yaml's 404 answer, schema Response{response{errors[{code, message}]}}.
        _ups.On("GET", DetailsPath, _ => FakeResponse.Json("""{"response":{"errors":[{"code":"151044","message":"Tracking Information Not Found"}]}}""", 404));

        var notFound = Assert.IsType<TrackingLookup.NotFound>(await TrackAsync());

        Assert.Contains("151044", notFound.Detail);
    }

    [Fact]
    public async Task AnswerWithoutThePackage_IsNotFound_WithUpsWarning()
    {
        _ups.On("GET", DetailsPath, _ => FakeResponse.Json($$$"""
            {"trackResponse":{"shipment":[{"inquiryNumber":"{{{TestData.TrackFixtureNumber}}}","warnings":[{"code":"TW0001","message":"Tracking Information Not Found"}]}]}}
            """));

        var notFound = Assert.IsType<TrackingLookup.NotFound>(await TrackAsync());

        Assert.Equal("TW0001 Tracking Information Not Found", notFound.Detail);
    }

    [Fact]
    public async Task Http429_IsRateLimited_ForTheRetryAfterUpsGave()
    {
        _ups.On("GET", DetailsPath, _ => FakeResponse.TooManyRequests(retryAfterSeconds: 1));

        var limited = Assert.IsType<TrackingLookup.RateLimited>(await TrackAsync());

        Assert.Equal(TimeSpan.FromSeconds(1), limited.RetryAfter);
    }

    [Fact]
    public async Task Http5xx_IsFailed_AfterTheResilienceHandlersRetries()
    {
        _ups.On("GET", DetailsPath, _ => FakeResponse.ServerError() with { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } });

        var failed = Assert.IsType<TrackingLookup.Failed>(await TrackAsync());

        Assert.Contains("503", failed.Detail);
        Assert.True(_ups.Count("GET", DetailsPath) > 1, "the standard resilience handler retries a 503");
    }

    [Fact]
    public async Task MissingCredentials_FailTheLookup_WithoutCallingUps()
    {
        var failed = Assert.IsType<TrackingLookup.Failed>(await TrackAsync(new() { ["Carriers:Ups:ClientSecret"] = "" }));

        Assert.Contains("ClientId and ClientSecret", failed.Detail);
        Assert.Empty(_ups.Requests);
    }

    [Fact]
    public async Task RefusedCredentials_FailTheLookup_WithoutThrowing()
    {
        _ups.On("POST", TokenPath, _ => FakeResponse.Json("""{"response":{"errors":[{"code":"250002","message":"Invalid Authentication Information."}]}}""", 401));

        var failed = Assert.IsType<TrackingLookup.Failed>(await TrackAsync());

        Assert.Contains("401", failed.Detail);
        Assert.Equal(0, _ups.Count("GET", DetailsPath));
        Assert.Equal(1, _ups.Count("POST", TokenPath)); // refused credentials are not retried
    }

    [Fact]
    public async Task UnreadableAnswer_IsFailed()
    {
        _ups.On("GET", DetailsPath, _ => FakeResponse.Json("""{"trackResponse":{"shipment":[{"package":[{"activity":[{"status":{"type":"I"},"date":"2021-02-10"}]}]}]}}"""));

        var failed = Assert.IsType<TrackingLookup.Failed>(await TrackAsync());

        Assert.Contains("activity[0].date", failed.Detail);
    }
}
