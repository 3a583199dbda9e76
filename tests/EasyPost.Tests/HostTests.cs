using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Carriers.EasyPost.Webhooks;
using Shipping.Carriers.Polling;
using Shipping.Carriers.Watching;
using Shipping.Carriers.Webhooks;
using Shipping.Contracts;
using Shipping.Testing;

namespace Shipping.Carriers.EasyPost.Tests;

/// <summary>
/// The EasyPost adapter as a real host on the real PostgreSQL and RabbitMQ (this class's own schema and virtual host),
/// polling a fake EasyPost that answers with the docs' Tracker object and receiving EasyPost's signed Events.
/// </summary>
public sealed class EasyPostHost : IAsyncLifetime
{
    public const string ApiKey = "EZTK_host_test";
    public const string Tenant = "acme";

    private TestInfrastructure? _infrastructure;

    public FakeCarrierServer EasyPost { get; private set; } = null!;

    public ServiceFactory<EasyPostOptions> Adapter { get; private set; } = null!;

    /// <summary>The trackers the fake EasyPost knows, by tracking code; any other code gets EasyPost's 404.</summary>
    public ConcurrentDictionary<string, string> Trackers { get; } = new() { ["EZ1000000001"] = SpecFiles.Read(EasyPostSpecs.TrackersRetrieve) };

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        EasyPost = await FakeCarrierServer.StartAsync();
        EasyPost.On("POST", "/v2/trackers", request =>
            Trackers.TryGetValue(JsonNode.Parse(request.Body)!["tracker"]!["tracking_code"]!.GetValue<string>(), out var tracker)
                ? FakeResponse.Json(tracker)
                : FakeResponse.Json("""{"error":{"code":"NOT_FOUND","message":"The requested resource could not be found.","errors":[]}}""", 404));

        var settings = _infrastructure.Settings("easypost");
        settings["Carriers:EasyPost:BaseUrl"] = EasyPost.BaseUrl.ToString();
        settings["Carriers:EasyPost:ApiKey"] = ApiKey;
        settings["Carriers:EasyPost:WebhookSecret"] = EasyPostSpecs.VectorSecret;
        settings["Carriers:EasyPost:Polling:FirstLookupWithin"] = "00:00:00";
        settings["Carriers:EasyPost:Polling:IdleDelay"] = "00:00:00.200";
        settings["Carriers:EasyPost:Polling:AfterFailure"] = "00:00:01";
        settings["Carriers:EasyPost:Polling:CallsPerSecond"] = "20";
        Adapter = new ServiceFactory<EasyPostOptions>(settings);
        Adapter.CreateClient(); // starts the host: schema applied, queues declared, poller running
    }

    public async Task DisposeAsync()
    {
        await Adapter.DisposeAsync();
        await EasyPost.DisposeAsync();
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }

    public static string NewTrackingCode() => "EZ" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    /// <summary>Registers a shipment for the tracking code on the bus, as Timeline does, and waits until the adapter watches it.</summary>
    public async Task RegisterAsync(string trackingCode)
    {
        await Adapter.Services.GetRequiredService<IBus>().Publish(new ShipmentRegistered(
            Guid.NewGuid(), Tenant, "IT-" + trackingCode, EasyPostOptions.Carrier, trackingCode, null, DateTimeOffset.UtcNow));
        var watchList = Adapter.Services.GetRequiredService<ParcelWatchList>();
        await Eventually.Get(() => watchList.FindAsync(trackingCode, default), p => p?.Watchers.Count > 0, $"the adapter to watch {trackingCode}");
    }

    public IReadOnlyList<TrackingEventObserved> Published(string trackingCode) =>
        Adapter.Published.Of<TrackingEventObserved>().Where(e => e.TrackingNumber == TrackingNumbers.Normalise(trackingCode)).ToList();

    public Task<HttpResponseMessage> PostAsync(byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, EasyPostWebhookEndpoint.Pattern) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.Add(EasyPostSignature.Header, signature);
        }

        return Adapter.CreateClient().SendAsync(request);
    }

    public Task<HttpResponseMessage> PostSignedAsync(byte[] body) => PostAsync(body, EasyPostSignature.Sign(EasyPostSpecs.VectorSecret, body));

    /// <summary>event-body.json (as EasyPost signed it) about another parcel.</summary>
    public static byte[] EventBodyFor(string trackingCode) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(EasyPostSpecs.SignedEventBody()).Replace("\"tracking_code\":\"1\"", $"\"tracking_code\":\"{trackingCode}\""));
}

public class HostTests(EasyPostHost host) : IClassFixture<EasyPostHost>
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromSeconds(30); // an upper bound: the first lookup is immediate here (FirstLookupWithin = 0)

    [Fact]
    public async Task RegisteredShipment_IsPolled_AndTheTrackersScansArePublished()
    {
        const string code = "EZ1000000001";

        await host.RegisterAsync(code);

        await Eventually.Until(() => host.Published(code).Count >= 2, "the polled scans to be published", FirstPoll);
        var published = host.Published(code);
        Assert.Equal(ExpectedScans.TrackersRetrieve, published.Select(ExpectedScan.Of));
        Assert.All(published, e => Assert.Equal((EasyPostHost.Tenant, "easypost"), (e.TenantId, e.Carrier)));
        var lookup = host.EasyPost.Requests.First(r => r.Body.Contains(code, StringComparison.Ordinal));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(EasyPostHost.ApiKey + ":")), lookup.Header("Authorization"));
    }

    [Fact]
    public async Task PublishedSignatureVector_IsAccepted_AndItsScansArePublished()
    {
        await host.RegisterAsync("1");

        var response = await host.PostAsync(EasyPostSpecs.SignedEventBody(), EasyPostSpecs.VectorSignature());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(new WebhookReceipt(7, 7, 1), await response.Content.ReadFromJsonAsync<WebhookReceipt>());
        Assert.Equal(ExpectedScans.EventBody, host.Published("1").Select(ExpectedScan.Of));
    }

    [Fact]
    public async Task SignedWebhook_PublishesItsScans_ToTheWatchingTenant()
    {
        var code = EasyPostHost.NewTrackingCode();
        await host.RegisterAsync(code);

        var response = await host.PostSignedAsync(EasyPostHost.EventBodyFor(code));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var published = host.Published(code);
        Assert.Equal(ExpectedScans.EventBody, published.Select(ExpectedScan.Of));
        Assert.All(published, e => Assert.Equal(EasyPostHost.Tenant, e.TenantId));
    }

    [Fact]
    public async Task ForgedOrUnsignedWebhook_Gets401_AndPublishesNothing()
    {
        var code = EasyPostHost.NewTrackingCode();
        await host.RegisterAsync(code);
        var body = EasyPostHost.EventBodyFor(code);
        var tampered = EasyPostHost.EventBodyFor(code);
        tampered[Array.IndexOf(tampered, (byte)'O')] = (byte)'0';

        var forged = await host.PostAsync(tampered, EasyPostSignature.Sign(EasyPostSpecs.VectorSecret, body));
        var wrongSecret = await host.PostAsync(body, EasyPostSignature.Sign("not the secret", body));
        var unsigned = await host.PostAsync(body, signature: null);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            new[] { forged, wrongSecret, unsigned }.Select(r => r.StatusCode));
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Empty(host.Published(code));

        // The same body, genuinely signed, does publish: nothing above was refused for another reason.
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostSignedAsync(body)).StatusCode);
        Assert.Equal(7, host.Published(code).Count);
    }

    [Fact]
    public async Task MalformedWebhook_Gets400ProblemDetails_AndPublishesNothing()
    {
        var code = EasyPostHost.NewTrackingCode();
        await host.RegisterAsync(code);
        var notJson = Encoding.UTF8.GetBytes("{\"description\":\"tracker.updated\",\"result\":");
        var badTime = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(EasyPostHost.EventBodyFor(code)).Replace("2024-07-31T19:27:00Z", "31/07/2024 19:27"));

        var truncated = await host.PostSignedAsync(notJson);
        var invalid = await host.PostSignedAsync(badTime);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (truncated.StatusCode, invalid.StatusCode));
        Assert.Equal("application/problem+json", truncated.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());
        Assert.Equal(["result.tracking_details[1].datetime"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Empty(host.Published(code));
    }

    [Fact]
    public async Task EventAboutSomethingElse_IsAccepted_WithNothingPublished()
    {
        var batch = Encoding.UTF8.GetBytes(
            """{"id":"evt_2","object":"Event","description":"batch.updated","mode":"test","result":{"id":"batch_1","object":"Batch","status":{"created":0,"creation_failed":0}}}""");

        var response = await host.PostSignedAsync(batch);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(new WebhookReceipt(0, 0, 0), await response.Content.ReadFromJsonAsync<WebhookReceipt>());
    }

    [Fact]
    public async Task SameScans_FromTheWebhookAndFromPolling_AreOneEventEach()
    {
        var code = EasyPostHost.NewTrackingCode();
        var tracker = JsonNode.Parse(EasyPostHost.EventBodyFor(code))!["result"]!.ToJsonString();
        host.Trackers[code] = tracker;
        await host.RegisterAsync(code);

        var response = await host.PostSignedAsync(EasyPostHost.EventBodyFor(code));
        var schedule = host.Adapter.Services.GetRequiredService<PollSchedule>();
        await Eventually.Get(() => schedule.FindAsync(TrackingNumbers.Normalise(code), default), s => s?.FetchesToday >= 1, "a poll of the parcel", FirstPoll);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // Every scan, as the same event (one stable id) whichever way it came. Registration, webhook and poll race here:
        // publication is at least once (a change that loses a race to another may already have published), and
        // Timeline records each event id once.
        Assert.Equal(ExpectedScans.EventBody.OrderBy(s => s.ToString()), host.Published(code).DistinctBy(p => p.EventId).Select(ExpectedScan.Of).OrderBy(s => s.ToString()));
    }

    [Fact]
    public async Task DeliveryChange_IsRejected_PointingToTheTrackersPublicPage()
    {
        var code = EasyPostHost.NewTrackingCode();
        await host.RegisterAsync(code);
        await host.PostSignedAsync(EasyPostHost.EventBodyFor(code));
        var request = new ChangeDelivery(Guid.NewGuid(), EasyPostHost.Tenant, Guid.NewGuid(), EasyPostOptions.Carrier, code,
            DeliveryChangeKind.Neighbour, new DeliveryChangeDetails(NeighbourName: "Next door"), DateTimeOffset.UtcNow);

        await host.Adapter.Services.GetRequiredService<IBus>().Publish(request);

        var rejected = await Eventually.Get(
            () => Task.FromResult(host.Adapter.Published.Of<DeliveryChangeRejected>().SingleOrDefault(r => r.RequestId == request.RequestId)),
            r => r is not null, "the delivery change to be rejected");
        Assert.Equal("https://track.easypost.com/1", rejected.SelfServiceUrl);
        Assert.Contains("EasyPost", rejected.Reason);
    }
}
