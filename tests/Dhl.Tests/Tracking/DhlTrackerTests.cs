using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Shipping.Carriers.Dhl.Tracking;
using Shipping.Carriers.Polling;
using Shipping.ServiceDefaults;
using Shipping.Testing;

namespace Shipping.Carriers.Dhl.Tests.Tracking;

/// <summary>
/// The tracker as production builds it (service defaults, with the standard resilience handler, and the adapter's own
/// registration), against a fake DHL answering with DHL's example payloads.
/// </summary>
public sealed class DhlTrackerTests : IAsyncLifetime
{
    private const string ApiKey = "test-api-key";
    private const string Path = "/track/shipments";

    private FakeCarrierServer _dhl = null!;

    public async Task InitializeAsync() => _dhl = await FakeCarrierServer.StartAsync();

    public async Task DisposeAsync() => await _dhl.DisposeAsync();

    private (IHost Host, DhlTracker Tracker) Tracker(params (string Key, string Value)[] settings) => Tracker(null, settings);

    private (IHost Host, DhlTracker Tracker) Tracker(Action<IServiceCollection>? configure, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Carriers:Dhl:BaseUrl"] = _dhl.BaseUrl.ToString(),
            ["Carriers:Dhl:ApiKey"] = ApiKey,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddServiceDefaults();
        builder.AddDhlTracking();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        return (host, ActivatorUtilities.CreateInstance<DhlTracker>(host.Services));
    }

    private void Serve(string specFile) => _dhl.On("GET", Path, _ => FakeResponse.Json(SpecFiles.Read(specFile)));

    [Fact]
    public async Task KnownNumber_IsFound_WithItsScans_AskedWithTheApiKeyAndInEnglish()
    {
        Serve(DhlPayloads.ParcelDe);
        var (host, tracker) = Tracker();
        using var _ = host;

        var lookup = await tracker.TrackAsync("JJD000390005893028175", default);

        var found = Assert.IsType<TrackingLookup.Found>(lookup);
        Assert.Equal(
            Seen.All(DhlPayloads.Normalise("JJD000390005893028175", SpecFiles.Read(DhlPayloads.ParcelDe)).Scans),
            Seen.All(found.Scans));
        Assert.Equal(5, found.Scans.Count);
        var request = Assert.Single(_dhl.Requests);
        Assert.Equal(ApiKey, request.Header("DHL-API-Key"));
        Assert.Equal("JJD000390005893028175", request.Query["trackingNumber"]);
        Assert.Equal("en", request.Query["language"]);
        Assert.False(request.Query.ContainsKey("service"));
    }

    [Fact]
    public async Task ConfiguredService_IsSentAsTheHint()
    {
        Serve(DhlPayloads.ParcelDe);
        var (host, tracker) = Tracker(("Carriers:Dhl:Service", "parcel-de"));
        using var _ = host;

        await tracker.TrackAsync("JJD000390005893028175", default);

        Assert.Equal("parcel-de", Assert.Single(_dhl.Requests).Query["service"]);
    }

    [Fact]
    public async Task ServiceDhlNamed_IsAskedNextTime()
    {
        Serve(DhlPayloads.ParcelNl);
        var (host, tracker) = Tracker(("Carriers:Dhl:Service", "express"));
        using var _ = host;

        await tracker.TrackAsync("3SHM00001165430", default);
        await tracker.TrackAsync("3SHM00001165430", default);

        Assert.Equal(["express", "parcel-nl"], _dhl.Requests.Select(r => r.Query["service"]));
    }

    [Fact]
    public async Task RerouteUrl_ComesBackAsTheSelfServiceLink()
    {
        _dhl.On("GET", Path, _ => FakeResponse.Json(DhlPayloads.SpecSchemaExample()));
        var (host, tracker) = Tracker();
        using var _ = host;

        var found = Assert.IsType<TrackingLookup.Found>(await tracker.TrackAsync("7777777770", default));

        Assert.Equal(DhlPayloads.SpecRerouteUrl, found.SelfServiceUrl);
        Assert.Single(found.Scans);
    }

    [Theory]
    [InlineData("not_found.json")]
    [InlineData("the spec's shipmentNotFound example")]
    public async Task UnknownNumber_IsNotFound(string source)
    {
        var body = source == "not_found.json" ? SpecFiles.Read(DhlPayloads.NotFound) : DhlPayloads.SpecNotFoundExample();
        _dhl.On("GET", Path, _ => FakeResponse.Problem(404, body));
        var (host, tracker) = Tracker();
        using var _ = host;

        var lookup = await tracker.TrackAsync("8264715546", default);

        Assert.Contains("No shipment with given tracking number found.", Assert.IsType<TrackingLookup.NotFound>(lookup).Detail);
        Assert.Single(_dhl.Requests);
    }

    [Fact]
    public async Task AnswerWithoutShipments_IsNotFound()
    {
        _dhl.On("GET", Path, _ => FakeResponse.Json("""{"shipments":[]}"""));
        var (host, tracker) = Tracker();
        using var _ = host;

        Assert.IsType<TrackingLookup.NotFound>(await tracker.TrackAsync("8264715546", default));
    }

    [Fact]
    public async Task TooManyRequests_IsRateLimited_ForTheRetryAfter_WithoutRetryingIntoTheQuota()
    {
        _dhl.On("GET", Path, _ => FakeResponse.TooManyRequests(retryAfterSeconds: 1));
        var (host, tracker) = Tracker();
        using var _ = host;

        var lookup = await tracker.TrackAsync("JJD000390005893028175", default);

        Assert.Equal(TimeSpan.FromSeconds(1), Assert.IsType<TrackingLookup.RateLimited>(lookup).RetryAfter);
        Assert.Single(_dhl.Requests);
    }

    [Fact]
    public async Task ServerError_IsRetried_ThenFailed()
    {
        _dhl.On("GET", Path, _ => FakeResponse.ServerError() with { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } });
        var (host, tracker) = Tracker();
        using var _ = host;

        var lookup = await tracker.TrackAsync("JJD000390005893028175", default);

        Assert.StartsWith("HTTP 503", Assert.IsType<TrackingLookup.Failed>(lookup).Detail);
        Assert.True(_dhl.Requests.Count > 1, $"expected the resilience handler to retry; DHL was asked {_dhl.Requests.Count} time(s)");
    }

    [Fact]
    public async Task ServerErrorThenSuccess_IsFound()
    {
        var calls = 0;
        _dhl.On("GET", Path, _ => Interlocked.Increment(ref calls) == 1
            ? FakeResponse.ServerError() with { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } }
            : FakeResponse.Json(SpecFiles.Read(DhlPayloads.ParcelNl)));
        var (host, tracker) = Tracker();
        using var _ = host;

        var found = Assert.IsType<TrackingLookup.Found>(await tracker.TrackAsync("3SHM00001165430", default));

        Assert.Equal(10, found.Scans.Count);
        Assert.Equal(2, _dhl.Requests.Count);
    }

    [Fact]
    public async Task BodyThatIsNotDhlsJson_IsFailed()
    {
        _dhl.On("GET", Path, _ => FakeResponse.Json("""{"shipments": [ {"id": """));
        var (host, tracker) = Tracker();
        using var _ = host;

        Assert.IsType<TrackingLookup.Failed>(await tracker.TrackAsync("JJD000390005893028175", default));
    }

    [Fact]
    public async Task DhlUnreachable_IsFailed()
    {
        // Nothing listens on the discard port. The retries' back-off is shortened to keep the test fast.
        var (host, tracker) = Tracker(
            services => services.ConfigureAll<HttpStandardResilienceOptions>(o => o.Retry.Delay = TimeSpan.FromMilliseconds(10)),
            ("Carriers:Dhl:BaseUrl", "http://127.0.0.1:9/"));
        using var _ = host;

        Assert.IsType<TrackingLookup.Failed>(await tracker.TrackAsync("JJD000390005893028175", default));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task MissingApiKey_FailsTheLookup_WithoutCallingDhl(string key)
    {
        Serve(DhlPayloads.ParcelDe);
        var (host, tracker) = Tracker(("Carriers:Dhl:ApiKey", key));
        using var _ = host;

        var lookup = await tracker.TrackAsync("JJD000390005893028175", default);

        Assert.Contains("Carriers:Dhl:ApiKey", Assert.IsType<TrackingLookup.Failed>(lookup).Detail);
        Assert.Empty(_dhl.Requests);
    }
}
