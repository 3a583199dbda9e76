using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Carriers.Usps.Normalising;
using Shipping.Carriers.Usps.Tracking;
using Shipping.Carriers.Usps.Webhooks;
using Shipping.Carriers.Watching;
using Shipping.Contracts;
using Shipping.Testing;

namespace Shipping.Carriers.Usps.Tests;

/// <summary>
/// The USPS adapter as a real host (its own RabbitMQ virtual host and PostgreSQL schema), polling a fake USPS and
/// receiving notifications.
/// </summary>
public sealed class UspsHostFixture : IAsyncLifetime
{
    public const string JourneyNumber = "9400111899223344556677";

    private TestInfrastructure? _infrastructure;

    public FakeCarrierServer Usps { get; private set; } = null!;

    public ServiceFactory<UspsOptions> Host { get; private set; } = null!;

    /// <summary>
    /// The adapter's clock. The watch list schedules a parcel's first lookup up to 30 s after it is registered (to
    /// spread bursts); tests move this clock past that instead of waiting.
    /// </summary>
    public ShiftableClock Clock { get; } = new();

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        Usps = await FakeCarrierServer.StartAsync();
        Usps.On("POST", "/oauth2/v3/token", _ => FakeResponse.Json(UspsTrackerTests.TokenResponse("usps-host-token")))
            .On("POST", "/tracking/v3r2/tracking", request => request.Body.Contains(JourneyNumber, StringComparison.Ordinal)
                ? FakeResponse.Json(UspsTrackerTests.Journey)
                : FakeResponse.Json("""{"apiVersion":"3.2.2","error":{"code":"404","message":"Tracking number not found"}}""", 404));

        var settings = _infrastructure.Settings("usps");
        settings["Carriers:Usps:BaseUrl"] = Usps.BaseUrl.ToString();
        settings["Carriers:Usps:ClientId"] = "usps-consumer-key";
        settings["Carriers:Usps:ClientSecret"] = "usps-consumer-secret";
        settings["Carriers:Usps:WebhookSecret"] = SpecExamples.SubscriptionSecret;
        settings["Carriers:Usps:Polling:FirstLookupWithin"] = "00:00:00";
        settings["Carriers:Usps:Polling:IdleDelay"] = "00:00:00.200";
        settings["Carriers:Usps:Polling:CallsPerSecond"] = "20";
        Host = new ServiceFactory<UspsOptions>(settings, services => services.AddSingleton<TimeProvider>(Clock));
        Host.CreateClient(); // starts the host: schema, queues, poller
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Usps.DisposeAsync();
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }

    /// <summary>Registers a shipment on the bus, as Timeline does, and waits until the adapter watches its number.</summary>
    public async Task RegisterAsync(string trackingNumber, string tenantId = "acme")
    {
        await Host.Services.GetRequiredService<IBus>().Publish(new ShipmentRegistered(
            Guid.NewGuid(), tenantId, "ORD-" + Guid.NewGuid().ToString("N")[..8], "usps", trackingNumber, null, DateTimeOffset.UtcNow));
        var watchList = Host.Services.GetRequiredService<ParcelWatchList>();
        await Eventually.Get(() => watchList.FindAsync(trackingNumber, default), p => p?.Watchers.Any(w => w.TenantId == tenantId) == true, $"the adapter to watch {trackingNumber}");
    }

    public IReadOnlyList<TrackingEventObserved> Observed(string trackingNumber) =>
        Host.Published.Of<TrackingEventObserved>().Where(e => e.TrackingNumber == trackingNumber).ToList();

    public Task<HttpResponseMessage> NotifyAsync(string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, UspsWebhookEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add(UspsWebhookSignature.Header, signature);
        }

        return Host.CreateClient().SendAsync(request);
    }
}

public sealed class ShiftableClock : TimeProvider
{
    private long _aheadTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _aheadTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _aheadTicks));
}

public class UspsHostTests(UspsHostFixture usps) : IClassFixture<UspsHostFixture>
{
    private static string NewTrackingNumber() =>
        "9400" + Random.Shared.NextInt64(100_000_000_000_000_000, 999_999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The spec's notification example, with its tracking number replaced by <paramref name="trackingNumber"/>.</summary>
    private static JsonObject Notification(string trackingNumber, string example = "scanEvent")
    {
        var notification = SpecExamples.Notification(example);
        notification["payload"] = notification["payload"]!.GetValue<string>().Replace("12345678", trackingNumber, StringComparison.Ordinal);
        return notification;
    }

    private static string Sign(JsonObject notification, string? secret = null) =>
        UspsWebhookSignature.Sign(secret ?? SpecExamples.SubscriptionSecret, notification["timestamp"]!.GetValue<string>(), notification["payload"]!.GetValue<string>());

    [Fact]
    public async Task RegisteredShipment_IsPolled_AndEveryScanOfTheAnswerPublished()
    {
        await usps.RegisterAsync(UspsHostFixture.JourneyNumber);
        usps.Clock.Advance(TimeSpan.FromSeconds(31));

        var observed = await Eventually.Get(
            () => Task.FromResult<IReadOnlyList<TrackingEventObserved>?>(usps.Observed(UspsHostFixture.JourneyNumber)), o => o?.Count >= 7,
            "the journey's seven scans", TimeSpan.FromSeconds(30));

        var detail = JsonSerializer.Deserialize(UspsTrackerTests.Journey, UspsJsonContext.Default.ListUspsTrackingDetail)!.Single();
        var expected = new UspsNormaliser(NullLogger<UspsNormaliser>.Instance).Normalise(detail).Scans;
        Assert.Equal(7, observed.Count);
        Assert.Equal(expected.Select(s => s.EventId).Order(), observed.Select(o => o.EventId).Order());
        foreach (var scan in expected)
        {
            ScanAssert.Observed(observed.Single(o => o.EventId == scan.EventId), scan, "acme");
        }

        Assert.All(usps.Usps.Requests.Where(r => r.Path == "/tracking/v3r2/tracking"), r => Assert.Equal("Bearer usps-host-token", r.Header("Authorization")));
    }

    [Fact]
    public async Task SignedSpecNotification_PublishesItsScan_AndTheDetailedExampleOfTheSameScanPublishesNothingMore()
    {
        const string number = "12345678"; // the spec's own
        await usps.RegisterAsync(number);

        var first = SpecExamples.Notification("scanEvent");
        var response = await usps.NotifyAsync(first.ToJsonString(), Sign(first));
        var second = SpecExamples.Notification("detailedScanEvent");
        var again = await usps.NotifyAsync(second.ToJsonString(), Sign(second));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("""{"scans":1,"published":1,"tenants":1}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal("""{"scans":1,"published":0,"tenants":1}""", await again.Content.ReadAsStringAsync());
        var observed = Assert.Single(usps.Observed(number));
        Assert.Equal("acme", observed.TenantId);
        Assert.Equal((TrackingStatus.Delivered, TrackingSubstatus.ToSafePlace, "01"), (observed.Status, observed.Substatus, observed.RawCode));
        ScanAssert.At(ScanAssert.Time("2025-02-07T12:55:12-05:00"), observed.OccurredAt);
        Assert.Equal(new EventLocation("DETROIT", "12345", "US", "MI"), observed.Location);
        ScanAssert.Estimate(
            new DeliveryEstimate(new DateOnly(2025, 2, 7), ScanAssert.Time("2025-02-07T12:15:00-05:00"), ScanAssert.Time("2025-02-07T15:15:00-05:00")),
            observed.CarrierEstimate);
    }

    [Fact]
    public async Task ForgedOrUnsignedNotification_Gets401_AndPublishesNothing()
    {
        var number = NewTrackingNumber();
        await usps.RegisterAsync(number);
        var notification = Notification(number);

        var forged = await usps.NotifyAsync(notification.ToJsonString(), Sign(notification, "AnotherSecretKeyPhraseOf32Bytes!"));
        var unsigned = await usps.NotifyAsync(notification.ToJsonString(), null);
        var replayedWithOtherPayload = await usps.NotifyAsync(Notification(number, "detailedScanEvent").ToJsonString(), Sign(Notification("1", "detailedScanEvent")));

        foreach (var response in new[] { forged, unsigned, replayedWithOtherPayload })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Empty(usps.Observed(number));

        // The same notification, signed: the parcel was watched all along, so the refusals above were the signature's doing.
        var genuine = await usps.NotifyAsync(notification.ToJsonString(), Sign(notification));
        Assert.Equal(HttpStatusCode.Accepted, genuine.StatusCode);
        Assert.Single(usps.Observed(number));
    }

    [Fact]
    public async Task MalformedNotification_Gets400ProblemDetails_NamingTheField_AndPublishesNothing()
    {
        var number = NewTrackingNumber();
        await usps.RegisterAsync(number);
        var notJson = new JsonObject { ["subscriptionId"] = "123456789", ["subscriptionType"] = "TRACKING", ["timestamp"] = "2024-12-27T19:05:42.747Z", ["payload"] = $"trackingNumber={number}" };
        var noCode = new JsonObject
        {
            ["subscriptionId"] = "123456789", ["subscriptionType"] = "TRACKING", ["timestamp"] = "2024-12-27T19:05:42.747Z",
            ["payload"] = SpecExamples.Payload("scanEvent").Replace("12345678", number, StringComparison.Ordinal).Replace("\"eventCode\":\"01\",", "", StringComparison.Ordinal),
        };

        var unreadable = await usps.NotifyAsync(notJson.ToJsonString(), Sign(notJson));
        var incomplete = await usps.NotifyAsync(noCode.ToJsonString(), Sign(noCode));

        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal("application/problem+json", unreadable.Content.Headers.ContentType?.MediaType);
        Assert.Contains("payload", (await unreadable.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Equal("application/problem+json", incomplete.Content.Headers.ContentType?.MediaType);
        Assert.Contains("trackingEvents[0].eventCode", (await incomplete.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Empty(usps.Observed(number));
    }

    [Fact]
    public async Task BodyThatIsNotANotification_CannotBeAuthenticated_AndGets401()
    {
        var response = await usps.NotifyAsync("this is not json", "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
