using System.Net;
using System.Net.Http.Json;
using System.Text;
using MassTransit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Carriers.Watching;
using Shipping.Contracts;
using Shipping.Testing;

namespace Shipping.Carriers.Ups.Tests;

/// <summary>The UPS adapter hosted for real: its own PostgreSQL schema and RabbitMQ virtual host, UPS faked at HTTP level.</summary>
public sealed class UpsHostFixture : IAsyncLifetime
{
    public const string WebhookCredential = "test-webhook-credential";
    public const string Tenant = "acme";

    private TestInfrastructure? _infrastructure;

    public FakeCarrierServer Ups { get; private set; } = null!;

    public ServiceFactory<UpsOptions> Adapter { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        Ups = await FakeCarrierServer.StartAsync();
        Ups.On("POST", "/security/v1/oauth/token", _ => FakeResponse.Json(
            """{"token_type":"Bearer","client_id":"test-client","access_token":"host-token","expires_in":"14399","status":"approved"}"""));

        var settings = _infrastructure.Settings("ups");
        settings["Carriers:Ups:BaseUrl"] = Ups.BaseUrl.ToString();
        settings["Carriers:Ups:ClientId"] = "test-client";
        settings["Carriers:Ups:ClientSecret"] = "test-secret";
        settings["Carriers:Ups:WebhookCredential"] = WebhookCredential;
        settings["Carriers:Ups:Polling:FirstLookupWithin"] = "00:00:00";
        settings["Carriers:Ups:Polling:IdleDelay"] = "00:00:00.200";
        settings["Carriers:Ups:Polling:CallsPerSecond"] = "50";
        settings["Carriers:Ups:Polling:AfterFailure"] = "00:00:05";
        Adapter = new ServiceFactory<UpsOptions>(settings);
        Adapter.CreateClient(); // starts the host: schema applied, queues declared
    }

    public async Task DisposeAsync()
    {
        await Adapter.DisposeAsync();
        await Ups.DisposeAsync();
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }

    /// <summary>A retailer registered the parcel: the adapter hears of it on the bus and watches it.</summary>
    public async Task RegisterAsync(string trackingNumber)
    {
        await Adapter.Services.GetRequiredService<IBus>().Publish(new ShipmentRegistered(
            Guid.NewGuid(), Tenant, "ORDER-" + trackingNumber[^6..], "ups", trackingNumber, null, DateTimeOffset.UtcNow));
        var watchList = Adapter.Services.GetRequiredService<ParcelWatchList>();
        await Eventually.Get(() => watchList.FindAsync(trackingNumber, default), p => p?.Watchers.Count > 0, "the adapter to watch the parcel");
    }

    public IReadOnlyList<TrackingEventObserved> PublishedFor(string trackingNumber) =>
        Adapter.Published.Of<TrackingEventObserved>().Where(e => e.TrackingNumber == trackingNumber).ToList();

    public Task<HttpResponseMessage> PostWebhookAsync(string body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/ups") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("User-Agent", "UPSPubSubTrackingService");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return Adapter.CreateClient().SendAsync(request);
    }
}

public sealed class UpsHostTests(UpsHostFixture host) : IClassFixture<UpsHostFixture>
{
    private const string OutForDelivery = "UPSTrackAlert.TrackingEvent.example1.json";
    private const string Delivery = "UPSTrackAlert.TrackingEvent.example2.json";

    private static readonly (string, string) RightCredential = ("credential", UpsHostFixture.WebhookCredential);

    private static string Alert(string fixture, string trackingNumber) =>
        TestData.AlertJson(fixture, body => body["trackingNumber"] = trackingNumber);

    [Fact]
    public async Task RegisteredShipment_IsPolled_AndEveryScanIsPublished()
    {
        var tracking = TestData.NewTrackingNumber();
        host.Ups.On("GET", $"/api/track/v1/details/{tracking}",
            _ => FakeResponse.Json(TestData.Fixture(TestData.TrackFixture).Replace(TestData.TrackFixtureNumber, tracking)));

        await host.RegisterAsync(tracking);

        // The first lookup of a new parcel is spread over its first half minute.
        await Eventually.Until(() => host.PublishedFor(tracking).Count >= 4, "the four polled scans to be published", TimeSpan.FromSeconds(60));
        var published = host.PublishedFor(tracking);
        var wayne = new EventLocation("Wayne", "07470", "US", "NJ");
        Assert.Equal(
        [
            new ExpectedScan(TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified, "OT", "Out For Delivery Today",
                "2021-02-11T08:30:00-05:00", wayne, "2021-02-11 2021-02-11T09:00:00-05:00..2021-02-11T13:00:00-05:00"),
            new ExpectedScan(TrackingStatus.InTransit, TrackingSubstatus.CustomsCleared, "SR", "Your package was released by the customs agency.",
                "2021-02-10T07:13:56-05:00", wayne),
            new ExpectedScan(TrackingStatus.InTransit, TrackingSubstatus.Departed, "DP", "Departed from Facility",
                "2021-02-09T22:15:00-06:00", new EventLocation("Hodgkins", "60525", "US", "IL")),
            new ExpectedScan(TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified, "MP", "Shipper created a label, UPS has not received the package yet.",
                "2021-02-08T09:20:00-05:00", new EventLocation(null, null, "US")),
        ], published.Select(ExpectedScan.Of));
        Assert.All(published, e => Assert.Equal((UpsHostFixture.Tenant, "ups"), (e.TenantId, e.Carrier)));
        var lookup = host.Ups.Requests.First(r => r.Path == $"/api/track/v1/details/{tracking}");
        Assert.Equal("Bearer host-token", lookup.Header("Authorization"));
    }

    [Fact]
    public async Task AuthenticatedWebhook_PublishesItsScan()
    {
        var tracking = TestData.NewTrackingNumber();
        await host.RegisterAsync(tracking);

        var response = await host.PostWebhookAsync(Alert(OutForDelivery, tracking), RightCredential);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.Until(() => host.PublishedFor(tracking).Count == 1, "the webhook's scan to be published");
        Assert.Equal(
            new ExpectedScan(TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified, "OT", "Out for Delivery",
                "2024-04-23T09:15:19-04:00", new EventLocation("Charlotte", "30004", "US", "NC"), "2024-04-23 -..-"),
            ExpectedScan.Of(Assert.Single(host.PublishedFor(tracking))));
    }

    [Fact]
    public async Task WebhookWithTheCredentialAsBearer_PublishesItsScan()
    {
        var tracking = TestData.NewTrackingNumber();
        await host.RegisterAsync(tracking);

        var response = await host.PostWebhookAsync(Alert(Delivery, tracking), ("Authorization", "Bearer " + UpsHostFixture.WebhookCredential));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.Until(() => host.PublishedFor(tracking).Count == 1, "the delivery to be published");
        var delivered = Assert.Single(host.PublishedFor(tracking));
        Assert.Equal((TrackingStatus.Delivered, "FS", "2024-04-23T09:50:04-04:00"), (delivered.Status, delivered.RawCode, TestData.At(delivered.OccurredAt)));
    }

    [Fact]
    public async Task ForgedOrMissingCredential_Gets401_AndPublishesNothing()
    {
        var tracking = TestData.NewTrackingNumber();
        await host.RegisterAsync(tracking);
        var delivered = Alert(Delivery, tracking);

        var forged = await host.PostWebhookAsync(delivered, ("credential", "guessed"));
        var forgedBearer = await host.PostWebhookAsync(delivered, ("Authorization", "Bearer guessed"));
        var unsigned = await host.PostWebhookAsync(delivered);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], new[] { forged.StatusCode, forgedBearer.StatusCode, unsigned.StatusCode });
        Assert.Equal("application/problem+json", unsigned.Content.Headers.ContentType?.MediaType);

        // A genuine event sent after the forged ones is the only thing that goes out.
        await host.PostWebhookAsync(Alert(OutForDelivery, tracking), RightCredential);
        await Eventually.Until(() => host.PublishedFor(tracking).Count > 0, "the genuine scan to be published");
        Assert.Equal("OT", Assert.Single(host.PublishedFor(tracking)).RawCode);
    }

    [Fact]
    public async Task MalformedWebhook_Gets400ProblemDetails_AndPublishesNothing()
    {
        var tracking = TestData.NewTrackingNumber();

        var notJson = await host.PostWebhookAsync("{\"trackingNumber\": ", RightCredential);
        var badTime = await host.PostWebhookAsync(
            TestData.AlertJson(OutForDelivery, body => { body["trackingNumber"] = tracking; body["localActivityTime"] = "9:15"; }), RightCredential);

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
        var problem = await badTime.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("localActivityTime", problem!.Errors.Keys);
        Assert.Null(await host.Adapter.Services.GetRequiredService<ParcelWatchList>().FindAsync(tracking, default));
        Assert.Empty(host.PublishedFor(tracking));
    }
}
