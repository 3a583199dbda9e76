using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Shipping.Carriers.Polling;
using Shipping.Contracts;
using Shipping.Testing;
using static Shipping.Carriers.Fedex.Tests.FedexPayloads;

namespace Shipping.Carriers.Fedex.Tests;

/// <summary>The tracker against a fake FedEx answering with the spec's examples, through the real HTTP pipeline.</summary>
public sealed class TrackerTests : IAsyncLifetime
{
    private const string TrackPath = "/track/v1/trackingnumbers";
    private const string TokenPath = "/oauth/token";

    private FakeCarrierServer _fedex = null!;
    private int _tokensIssued;

    public async Task InitializeAsync()
    {
        _fedex = await FakeCarrierServer.StartAsync();
        _fedex.On("POST", TokenPath, _ => FakeResponse.Json(
            $$"""{"access_token":"token-{{Interlocked.Increment(ref _tokensIssued)}}","token_type":"bearer","expires_in":3599,"scope":"CXS"}"""));
    }

    public async Task DisposeAsync() => await _fedex.DisposeAsync();

    [Fact]
    public async Task SpecExampleAnswer_IsFound_WithItsScan()
    {
        _fedex.On("POST", TrackPath, _ => FakeResponse.Json(Response200));
        await using var host = await TrackerHost.StartAsync(_fedex);

        var lookup = await host.Tracker.TrackAsync(Response200Number, default);

        var scan = Assert.Single(Assert.IsType<TrackingLookup.Found>(lookup).Scans);
        var at = new DateTimeOffset(2018, 2, 2, 12, 1, 0, TimeSpan.FromHours(-7));
        Assert.Equal(StableIds.ForCarrierScan("fedex", Response200Number, at, "PU"), scan.EventId);
        Assert.Equal((TrackingStatus.InTransit, TrackingSubstatus.PickedUp), (scan.Status, scan.Substatus));
        Assert.Equal(TimeSpan.FromHours(-7), scan.OccurredAt.Offset);
    }

    [Fact]
    public async Task Lookup_PostsTheSpecsRequest_WithBearerToken_ContentTypeAndLocale()
    {
        _fedex.On("POST", TrackPath, _ => FakeResponse.Json(Response200));
        await using var host = await TrackerHost.StartAsync(_fedex);

        await host.Tracker.TrackAsync(Response200Number, default);

        var request = Assert.Single(_fedex.Requests, r => r.Path == TrackPath);
        Assert.Equal("Bearer token-1", request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.Equal("en_US", request.Header("x-locale"));
        var expected = JsonNode.Parse($$$"""{"includeDetailedScans":true,"trackingInfo":[{"trackingNumberInfo":{"trackingNumber":"{{{Response200Number}}}"}}]}""");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body)), request.Body);
    }

    [Fact]
    public async Task Token_IsFetchedOnceWithTheClientCredentialsAsFormFields_AndReused()
    {
        _fedex.On("POST", TrackPath, _ => FakeResponse.Json(Response200));
        await using var host = await TrackerHost.StartAsync(_fedex, "the-api-key", "the-secret-key");

        await host.Tracker.TrackAsync(Response200Number, default);
        await host.Tracker.TrackAsync(Response200Number, default);

        var token = Assert.Single(_fedex.Requests, r => r.Path == TokenPath);
        Assert.StartsWith("application/x-www-form-urlencoded", token.Header("Content-Type"));
        var form = QueryHelpers.ParseQuery(token.Body);
        Assert.Equal("client_credentials", form["grant_type"].ToString());
        Assert.Equal("the-api-key", form["client_id"].ToString());
        Assert.Equal("the-secret-key", form["client_secret"].ToString());
        Assert.Equal(2, _fedex.Count("POST", TrackPath));
        Assert.All(_fedex.Requests.Where(r => r.Path == TrackPath), r => Assert.Equal("Bearer token-1", r.Header("Authorization")));
    }

    [Fact]
    public async Task ExpiredToken_IsRenewedOnce_AndTheLookupRepeated()
    {
        var calls = 0;
        _fedex.On("POST", TrackPath, _ => Interlocked.Increment(ref calls) == 1
            ? FakeResponse.Json(SpecErrorExample(401), 401)
            : FakeResponse.Json(Response200));
        await using var host = await TrackerHost.StartAsync(_fedex);

        var lookup = await host.Tracker.TrackAsync(Response200Number, default);

        Assert.IsType<TrackingLookup.Found>(lookup);
        Assert.Equal(2, _fedex.Count("POST", TokenPath));
        Assert.Equal(
            new[] { "Bearer token-1", "Bearer token-2" },
            _fedex.Requests.Where(r => r.Path == TrackPath).Select(r => r.Header("Authorization") ?? "").ToArray());
    }

    [Fact]
    public async Task UnknownNumber_AnsweredWith200AndAnErrorInside_IsNotFound()
    {
        _fedex.On("POST", TrackPath, _ => FakeResponse.Json(NotFound));
        await using var host = await TrackerHost.StartAsync(_fedex);

        var lookup = await host.Tracker.TrackAsync(NotFoundNumber, default);

        Assert.Contains("TRACKING.TRACKINGNUMBER.NOTFOUND", Assert.IsType<TrackingLookup.NotFound>(lookup).Detail);
    }

    [Fact]
    public async Task Http404_IsNotFound()
    {
        _fedex.On("POST", TrackPath, _ => FakeResponse.Json(SpecErrorExample(404), 404));
        await using var host = await TrackerHost.StartAsync(_fedex);

        Assert.IsType<TrackingLookup.NotFound>(await host.Tracker.TrackAsync(NotFoundNumber, default));
    }

    [Fact]
    public async Task TooManyRequests_IsRateLimited_ForTheRetryAfterFedExSent()
    {
        _fedex.On("POST", TrackPath, _ => FakeResponse.TooManyRequests(1));
        await using var host = await TrackerHost.StartAsync(_fedex);

        var lookup = await host.Tracker.TrackAsync(Response200Number, default);

        Assert.Equal(TimeSpan.FromSeconds(1), Assert.IsType<TrackingLookup.RateLimited>(lookup).RetryAfter);
    }

    [Theory]
    [InlineData(500, "INTERNAL.SERVER.ERROR")]
    [InlineData(503, "SERVICE.UNAVAILABLE.ERROR")]
    public async Task ServerError_IsRetried_ThenFailed(int status, string code)
    {
        _fedex.On("POST", TrackPath, _ => new FakeResponse(status, SpecErrorExample(status), Headers: new Dictionary<string, string> { ["Retry-After"] = "1" }));
        await using var host = await TrackerHost.StartAsync(_fedex);

        var lookup = await host.Tracker.TrackAsync(Response200Number, default);

        var failed = Assert.IsType<TrackingLookup.Failed>(lookup);
        Assert.Contains($"HTTP {status}", failed.Detail);
        Assert.Contains(code, failed.Detail);
        Assert.True(_fedex.Count("POST", TrackPath) > 1, "the standard resilience handler retries a 5xx");
    }

    [Theory]
    [InlineData(400, "TRACKING.TRACKINGNUMBER.EMPTY")]
    [InlineData(403, "FORBIDDEN.ERROR")]
    public async Task ClientError_IsFailed_WithoutRetrying(int status, string code)
    {
        _fedex.On("POST", TrackPath, _ => FakeResponse.Json(SpecErrorExample(status), status));
        await using var host = await TrackerHost.StartAsync(_fedex);

        var lookup = await host.Tracker.TrackAsync(Response200Number, default);

        Assert.Contains(code, Assert.IsType<TrackingLookup.Failed>(lookup).Detail);
        Assert.Equal(1, _fedex.Count("POST", TrackPath));
    }

    [Theory]
    [InlineData("", "secret")]
    [InlineData("key", "")]
    [InlineData(" ", " ")]
    public async Task MissingCredentials_FailTheLookup_WithoutCallingFedEx(string clientId, string clientSecret)
    {
        _fedex.On("POST", TrackPath, _ => FakeResponse.Json(Response200));
        await using var host = await TrackerHost.StartAsync(_fedex, clientId, clientSecret);

        var lookup = await host.Tracker.TrackAsync(Response200Number, default);

        Assert.Contains("Carriers:Fedex:ClientId", Assert.IsType<TrackingLookup.Failed>(lookup).Detail);
        Assert.Empty(_fedex.Requests);
    }

    [Fact]
    public async Task CredentialsRefusedByFedEx_FailTheLookup_AfterOneTokenRequest_WithoutThrowing()
    {
        _fedex.On("POST", TokenPath, _ => FakeResponse.Json(SpecErrorExample(401), 401));
        _fedex.On("POST", TrackPath, _ => FakeResponse.Json(Response200));
        await using var host = await TrackerHost.StartAsync(_fedex);

        var lookup = await host.Tracker.TrackAsync(Response200Number, default);

        Assert.Contains("OAuth", Assert.IsType<TrackingLookup.Failed>(lookup).Detail);
        Assert.Equal(0, _fedex.Count("POST", TrackPath));
        Assert.Equal(1, _fedex.Count("POST", TokenPath));
    }
}
