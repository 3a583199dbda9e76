using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Contracts;
using Shipping.Testing;
using Shipping.Timeline.Orders;
using Shipping.Timeline.RetailerWebhooks;
using Shipping.Timeline.Shipments;

namespace Shipping.EndToEnd.IntegrationTests;

/// <summary>
/// Timeline, hosted on the real PostgreSQL and RabbitMQ, sending webhooks to a fake retailer: one Kestrel server with a
/// path per tenant — acme and globex answer 200, flaky answers 500 to an event's first attempt, down never answers.
/// </summary>
public sealed class RetailerWebhookFixture : IAsyncLifetime
{
    public const string ApiKey = "acme-webhook-test-key";
    public const string Carrier = "simulator";

    /// <summary>A scan's time: status changes carry it as their <c>occurredAt</c>.</summary>
    public static readonly DateTimeOffset ScannedAt = DateTimeOffset.Parse("2026-11-23T09:15:00+01:00", CultureInfo.InvariantCulture);

    public static string KeyOf(string tenant) => tenant == "acme" ? ApiKey : $"{tenant}-webhook-test-key";
    public const string AcmeSecret = "whsec_acme_4f1c9e";

    private readonly TaskCompletionSource _releaseDown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, int> _flakyAttempts = new();
    private TestInfrastructure? _infrastructure;

    public FakeCarrierServer Retailer { get; private set; } = null!;

    public ServiceFactory<OrderDetails> Timeline { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        Retailer = await FakeCarrierServer.StartAsync();
        Retailer.On("POST", "/acme", _ => FakeResponse.Json("{}"))
            .On("POST", "/globex", _ => FakeResponse.Json("{}"))
            .On("POST", "/flaky", r => _flakyAttempts.AddOrUpdate(r.Header(WebhookSignature.EventIdHeader)!, 1, (_, n) => n + 1) == 1
                ? FakeResponse.Problem(500, """{"title":"Internal Server Error","status":500}""")
                : FakeResponse.Json("{}"))
            .OnAsync("POST", "/down", async _ =>
            {
                await _releaseDown.Task;
                return FakeResponse.ServerError();
            });

        var settings = _infrastructure.Settings("timeline_webhooks");
        settings["Tenants:plain:ApiKeys:0"] = KeyOf("plain");
        foreach (var tenant in new[] { "acme", "globex", "flaky", "down" })
        {
            settings[$"Tenants:{tenant}:ApiKeys:0"] = KeyOf(tenant);
            settings[$"Tenants:{tenant}:Webhooks:Url"] = new Uri(Retailer.BaseUrl, tenant).ToString();
            settings[$"Tenants:{tenant}:Webhooks:Secret"] = tenant == "acme" ? AcmeSecret : $"whsec_{tenant}";
        }

        settings["RetailerWebhooks:RetryBaseDelay"] = "00:00:00.5";
        settings["RetailerWebhooks:RetryMaxDelay"] = "00:00:02";
        settings["RetailerWebhooks:AttemptTimeout"] = "00:00:30"; // longer than any wait below: the down endpoint holds its slots throughout
        settings["RetailerWebhooks:PollInterval"] = "00:00:00.2";
        settings["RetailerWebhooks:MaxConcurrentSendsPerTenant"] = "2";
        Timeline = new ServiceFactory<OrderDetails>(settings);
        Timeline.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _releaseDown.TrySetResult();
        await Timeline.DisposeAsync();
        await Retailer.DisposeAsync();
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsFor(Guid eventId) =>
        Retailer.Requests.Where(r => r.Header(WebhookSignature.EventIdHeader) == eventId.ToString()).ToList();

    public Task PublishAsync(object message) => Timeline.Services.GetRequiredService<IBus>().Publish(message);

    public async Task<WebhookDelivery?> DeliveryAsync(string tenant, Guid id)
    {
        await using var session = Timeline.Services.GetRequiredService<IDocumentStore>().QuerySession(tenant);
        return await session.LoadAsync<WebhookDelivery>(id);
    }

    /// <summary>Registers an order of the tenant with one parcel through the retailer API; returns its order and tracking numbers.</summary>
    public async Task<(string Order, string Tracking)> RegisterAsync(string tenant)
    {
        var (order, tracking) = ("IT-" + Guid.NewGuid().ToString("N")[..8], "SIM" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant());
        var client = Timeline.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", KeyOf(tenant));
        var registered = await client.PostAsJsonAsync("/api/orders", new
        {
            orderNumber = order,
            customer = new { name = "Erika Mustermann", email = "erika@example.com", phone = "+4915112345678", locale = "de-DE" },
            promisedDeliveryDate = "2026-11-26",
            shipments = new[] { new { carrier = Carrier, trackingNumber = tracking } },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, registered.StatusCode);
        return (order, tracking);
    }

    /// <summary>The parcel's first scan, as the carrier's adapter publishes it: Pending → InTransit.</summary>
    public static TrackingEventObserved FirstScan(string tenant, string tracking) => new(
        StableIds.ForCarrierScan(Carrier, tracking, ScannedAt, "IN_TRANSIT"), tenant, Carrier, tracking,
        TrackingStatus.InTransit, TrackingSubstatus.Unspecified, "IN_TRANSIT", "In transit", ScannedAt, null, null, ScannedAt);

    /// <summary>The id of the status change stored on the parcel's stream: the id of its webhook.</summary>
    public async Task<Guid> StatusChangeIdAsync(string tenant, string order, string tracking)
    {
        var shipmentId = ShipmentView.IdFor(order, Carrier, tracking);
        var id = await Eventually.Get(async () =>
        {
            await using var session = Timeline.Services.GetRequiredService<IDocumentStore>().QuerySession(tenant);
            var events = await session.Events.FetchStreamAsync(shipmentId);
            return events.FirstOrDefault(e => e.Data is StatusChanged)?.Id;
        }, found => found is not null, "the status change stored");
        return id!.Value;
    }

    /// <summary>A new parcel of the tenant and its first scan: one status change, whose id (its webhook's) is returned.</summary>
    public async Task<Guid> StatusChangeAsync(string tenant)
    {
        var (order, tracking) = await RegisterAsync(tenant);
        await PublishAsync(FirstScan(tenant, tracking));
        return await StatusChangeIdAsync(tenant, order, tracking);
    }
}

public class RetailerWebhookTests(RetailerWebhookFixture fixture) : IClassFixture<RetailerWebhookFixture>
{
    [Fact]
    public async Task StatusChange_ReachesTheRetailerOnce_SignedWithTheTenantsSecret()
    {
        var (order, tracking) = await fixture.RegisterAsync("acme");

        await fixture.PublishAsync(RetailerWebhookFixture.FirstScan("acme", tracking));

        var request = await Eventually.Get(
            () => Task.FromResult(fixture.Retailer.Requests.FirstOrDefault(r => r.Path == "/acme" && r.Body.Contains(tracking, StringComparison.Ordinal))),
            r => r is not null, "the status change at the retailer");
        var eventId = Guid.Parse(request.Header(WebhookSignature.EventIdHeader)!);
        var timestamp = long.Parse(request.Header(WebhookSignature.TimestampHeader)!, CultureInfo.InvariantCulture);
        var expected = "sha256=" + Convert.ToHexStringLower(
            new HMACSHA256(Encoding.UTF8.GetBytes(RetailerWebhookFixture.AcmeSecret)).ComputeHash(Encoding.UTF8.GetBytes($"{timestamp}.{request.Body}")));
        Assert.Equal(expected, request.Header(WebhookSignature.SignatureHeader));
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp, 0, 300);

        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(eventId, body.RootElement.GetProperty("id").GetGuid());
        Assert.Equal("shipment.status_changed", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("2026-11-23T09:15:00+01:00", body.RootElement.GetProperty("occurredAt").GetString());
        var data = body.RootElement.GetProperty("data");
        Assert.Equal(order, data.GetProperty("orderNumber").GetString());
        Assert.Equal("Pending", data.GetProperty("previousStatus").GetString());
        Assert.Equal("InTransit", data.GetProperty("status").GetString());
        Assert.DoesNotContain("Mustermann", request.Body);
        Assert.DoesNotContain("erika@example.com", request.Body);
        Assert.DoesNotContain("4915112345678", request.Body);

        var delivery = await Eventually.Get(() => fixture.DeliveryAsync("acme", eventId), d => d?.State == DeliveryState.Delivered, "the delivery marked delivered");
        Assert.Equal(1, delivery.Attempts);
        Assert.Single(fixture.RequestsFor(eventId));
    }

    [Fact]
    public async Task EndpointAnswering500_ThenSucceeding_GetsTheWebhookOnARetry()
    {
        var change = await fixture.StatusChangeAsync("flaky");

        var delivery = await Eventually.Get(() => fixture.DeliveryAsync("flaky", change), d => d?.State == DeliveryState.Delivered, "the retried delivery");
        Assert.Equal(2, delivery.Attempts);
        var attempts = fixture.RequestsFor(change);
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
    }

    [Fact]
    public async Task OneTenantsEndpointDown_DoesNotDelayAnotherTenantsWebhook()
    {
        var stuck = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            stuck.Add(await fixture.StatusChangeAsync("down"));
        }

        await Eventually.Until(() => fixture.Retailer.Count("POST", "/down") >= 2, "the down endpoint to hold attempts open");
        var other = await fixture.StatusChangeAsync("globex");

        await Eventually.Until(() => fixture.RequestsFor(other).Count == 1, "globex's webhook while down's endpoint hangs", TimeSpan.FromSeconds(10));
        foreach (var change in stuck)
        {
            Assert.Equal(DeliveryState.Pending, (await fixture.DeliveryAsync("down", change))?.State);
        }

        Assert.Equal(DeliveryState.Delivered, (await Eventually.Get(
            () => fixture.DeliveryAsync("globex", other), d => d?.State == DeliveryState.Delivered, "globex's delivery marked delivered"))!.State);
    }

    [Fact]
    public async Task RedeliveredScan_SendsNothingTwice()
    {
        var (order, tracking) = await fixture.RegisterAsync("acme");
        var scan = RetailerWebhookFixture.FirstScan("acme", tracking);

        await fixture.PublishAsync(scan);
        await fixture.PublishAsync(scan);

        await Eventually.Until(() => fixture.Timeline.Consumed.Count<TrackingEventObserved>(m => m.EventId == scan.EventId) == 2, "both deliveries of the scan consumed");
        var change = await fixture.StatusChangeIdAsync("acme", order, tracking);
        var delivery = await Eventually.Get(() => fixture.DeliveryAsync("acme", change), d => d?.State == DeliveryState.Delivered, "the delivery marked delivered");
        Assert.Equal(1, delivery.Attempts);
        Assert.Single(fixture.RequestsFor(change));
        Assert.Single(fixture.Retailer.Requests, r => r.Path == "/acme" && r.Body.Contains(tracking, StringComparison.Ordinal)
            && r.Body.Contains(WebhookPayload.StatusChangedType, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TenantWithoutAWebhook_GetsNoDelivery()
    {
        // "plain" has an API key but no webhook: its status change is stored (and published on the bus) but no delivery is.
        var (order, tracking) = await fixture.RegisterAsync("plain");
        await fixture.PublishAsync(RetailerWebhookFixture.FirstScan("plain", tracking));
        var change = await fixture.StatusChangeIdAsync("plain", order, tracking);

        // The subscription has gone past that change once a later one of a tenant with a webhook has its delivery.
        var later = await fixture.StatusChangeAsync("globex");
        await Eventually.Get(() => fixture.DeliveryAsync("globex", later), d => d is not null, "globex's later delivery");
        Assert.Null(await fixture.DeliveryAsync("plain", change));
        Assert.DoesNotContain(fixture.Retailer.Requests, r => r.Body.Contains(tracking, StringComparison.Ordinal));
    }
}
