using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Carriers.Polling;
using Shipping.Carriers.Usps.Normalising;
using Shipping.Carriers.Usps.Tracking;
using Shipping.ServiceDefaults;
using Shipping.Testing;

namespace Shipping.Carriers.Usps.Tests;

/// <summary>
/// The tracker as production builds it (service defaults with the standard resilience handler, the Refit client,
/// the OAuth token), against a fake USPS on loopback.
/// </summary>
public sealed class UspsTrackerTests : IAsyncLifetime
{
    private const string Number = "9400111899223344556677";
    private const string TrackPath = "/tracking/v3r2/tracking";
    private const string TokenPath = "/oauth2/v3/token";

    private FakeCarrierServer _usps = null!;
    private IHost? _host;

    public async Task InitializeAsync() => _usps = await FakeCarrierServer.StartAsync();

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        await _usps.DisposeAsync();
    }

    public static string Journey => File.ReadAllText("Fixtures/journey-response.json");

    public static string TokenResponse(string token) =>
        JsonSerializer.Serialize(new { access_token = token, token_type = "Bearer", expires_in = 28799, scope = "tracking" });

    private UspsTracker Tracker(string clientId = "usps-consumer-key", string clientSecret = "usps-consumer-secret")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Carriers:Usps:BaseUrl"] = _usps.BaseUrl.ToString(),
            ["Carriers:Usps:ClientId"] = clientId,
            ["Carriers:Usps:ClientSecret"] = clientSecret,
        });
        builder.AddServiceDefaults();
        builder.Services.AddUspsTracking(builder.Configuration);
        _host = builder.Build();
        return _host.Services.GetRequiredService<UspsTracker>();
    }

    private FakeCarrierServer WithToken(string token = "usps-token-1") =>
        _usps.On("POST", TokenPath, _ => FakeResponse.Json(TokenResponse(token)));

    [Fact]
    public async Task Found_GivesEveryScanOfTheAnswer_AskingForTheOneNumber()
    {
        WithToken().On("POST", TrackPath, _ => FakeResponse.Json(Journey));

        var lookup = await Tracker().TrackAsync(Number, default);

        var found = Assert.IsType<TrackingLookup.Found>(lookup);
        var detail = JsonSerializer.Deserialize<List<UspsTrackingDetail>>(Journey, UspsJson.Options)!.Single();
        Assert.Equal(new UspsNormaliser(NullLogger<UspsNormaliser>.Instance).Normalise(detail).Scans, found.Scans);
        Assert.Equal(["OF", "07", "T1", "U1", "10", "03", "MA"], found.Scans.Select(s => s.RawCode));
        Assert.Null(found.SelfServiceUrl);

        var request = Assert.Single(_usps.Requests, r => r.Path == TrackPath);
        Assert.Equal($$"""[{"trackingNumber":"{{Number}}"}]""", request.Body);
        Assert.StartsWith("application/json", request.Header("Content-Type"));
    }

    [Fact]
    public async Task OAuthToken_IsFetchedOnceWithTheCredentialsAsFormFields_AndReused()
    {
        WithToken("usps-token-1").On("POST", TrackPath, _ => FakeResponse.Json(Journey));
        var tracker = Tracker();

        await tracker.TrackAsync(Number, default);
        await tracker.TrackAsync(Number, default);

        var token = Assert.Single(_usps.Requests, r => r.Path == TokenPath);
        Assert.StartsWith("application/x-www-form-urlencoded", token.Header("Content-Type"));
        Assert.Equal("grant_type=client_credentials&client_id=usps-consumer-key&client_secret=usps-consumer-secret", token.Body);
        Assert.Null(token.Header("Authorization"));
        var lookups = _usps.Requests.Where(r => r.Path == TrackPath).ToList();
        Assert.Equal(2, lookups.Count);
        Assert.All(lookups, r => Assert.Equal("Bearer usps-token-1", r.Header("Authorization")));
    }

    [Fact]
    public async Task RefusedToken_IsReplaced_AndTheLookupTriedOnceMore()
    {
        var tokens = 0;
        _usps.On("POST", TokenPath, _ => FakeResponse.Json(TokenResponse($"usps-token-{Interlocked.Increment(ref tokens)}")))
            .On("POST", TrackPath, r => r.Header("Authorization") == "Bearer usps-token-2"
                ? FakeResponse.Json(Journey)
                : FakeResponse.Json("""{"apiVersion":"3.0","error":{"code":"401","message":"Invalid access token"}}""", 401));

        var lookup = await Tracker().TrackAsync(Number, default);

        Assert.IsType<TrackingLookup.Found>(lookup);
        Assert.Equal(2, _usps.Count("POST", TokenPath));
    }

    [Fact]
    public async Task NotFound_AsHttp404_IsNotFound()
    {
        // ErrorMessage, the spec's error schema (the spec has no example of it).
        WithToken().On("POST", TrackPath, _ => FakeResponse.Json(
            """{"apiVersion":"3.2.2","error":{"code":"404","message":"Tracking number not found","errors":[{"status":"404","title":"Not Found","detail":"The tracking number could not be found."}]}}""", 404));

        var lookup = await Tracker().TrackAsync(Number, default);

        Assert.Contains("Tracking number not found", Assert.IsType<TrackingLookup.NotFound>(lookup).Detail);
    }

    [Fact]
    public async Task NotFound_AsAFailedItemOfAMultiStatusAnswer_IsNotFound()
    {
        // 207 with a FailureResponse item (statusCode, trackingNumber, and the ErrorMessage fields).
        WithToken().On("POST", TrackPath, _ => FakeResponse.Json(
            $$$"""[{"statusCode":"404","trackingNumber":"{{{Number}}}","error":{"code":"404","message":"The tracking number is not in the system."}}]""", 207));

        var lookup = await Tracker().TrackAsync(Number, default);

        Assert.Equal("The tracking number is not in the system.", Assert.IsType<TrackingLookup.NotFound>(lookup).Detail);
    }

    [Fact]
    public async Task MultiStatusAnswer_PicksTheItemOfTheNumberAskedFor()
    {
        var journey = JsonSerializer.Deserialize<List<JsonElement>>(Journey)!.Single().GetRawText();
        WithToken().On("POST", TrackPath, _ => FakeResponse.Json(
            $$$"""[{"statusCode":"404","trackingNumber":"9400100000000000000000","error":{"code":"404","message":"Not found"}},{{{journey[..^1]}}},"statusCode":"200"}]""", 207));

        var lookup = await Tracker().TrackAsync(Number, default);

        Assert.Equal(7, Assert.IsType<TrackingLookup.Found>(lookup).Scans.Count);
    }

    [Fact]
    public async Task TooManyRequests_IsRateLimited_WithUspsRetryAfter()
    {
        WithToken().On("POST", TrackPath, _ => FakeResponse.TooManyRequests(1));

        var lookup = await Tracker().TrackAsync(Number, default);

        Assert.Equal(TimeSpan.FromSeconds(1), Assert.IsType<TrackingLookup.RateLimited>(lookup).RetryAfter);
        // Not retried inside the HTTP handler: the poller waits out Retry-After instead of spending more of the quota.
        Assert.Equal(1, _usps.Count("POST", TrackPath));
    }

    [Fact]
    public async Task ServiceUnavailable_IsFailed_AfterTheResilienceHandlersRetries()
    {
        WithToken().On("POST", TrackPath, _ => FakeResponse.ServerError() with { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } });

        var lookup = await Tracker().TrackAsync(Number, default);

        Assert.StartsWith("HTTP 503", Assert.IsType<TrackingLookup.Failed>(lookup).Detail);
        Assert.True(_usps.Count("POST", TrackPath) > 1);
    }

    [Theory]
    [InlineData("", "usps-consumer-secret")]
    [InlineData("usps-consumer-key", " ")]
    public async Task MissingCredentials_FailEveryLookup_WithoutCallingUsps(string clientId, string clientSecret)
    {
        WithToken().On("POST", TrackPath, _ => FakeResponse.Json(Journey));

        var lookup = await Tracker(clientId, clientSecret).TrackAsync(Number, default);

        Assert.Contains("Carriers:Usps:ClientId", Assert.IsType<TrackingLookup.Failed>(lookup).Detail);
        Assert.Empty(_usps.Requests);
    }

    [Fact]
    public async Task CredentialsRefusedByTheTokenEndpoint_FailTheLookup_WithoutThrowing()
    {
        _usps.On("POST", TokenPath, _ => FakeResponse.Json("""{"error":"invalid_client","error_description":"Client authentication failed"}""", 401))
            .On("POST", TrackPath, _ => FakeResponse.Json(Journey));

        var lookup = await Tracker().TrackAsync(Number, default);

        Assert.Contains("refused the OAuth client credentials", Assert.IsType<TrackingLookup.Failed>(lookup).Detail);
        Assert.Equal(0, _usps.Count("POST", TrackPath));
    }

    [Fact]
    public async Task AnswerThatIsNotUspsJson_FailsTheLookup()
    {
        WithToken().On("POST", TrackPath, _ => new FakeResponse(200, "<html>maintenance</html>", "text/html"));

        Assert.IsType<TrackingLookup.Failed>(await Tracker().TrackAsync(Number, default));
    }

    [Fact]
    public async Task EmptyAnswer_IsNotFound()
    {
        WithToken().On("POST", TrackPath, _ => FakeResponse.Json("[]"));

        var lookup = await Tracker().TrackAsync(Number, default);
        Assert.True(lookup is TrackingLookup.NotFound, lookup.ToString());
    }
}
