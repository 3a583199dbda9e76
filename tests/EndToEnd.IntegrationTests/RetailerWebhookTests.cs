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

namespace Shipping.EndToEnd.IntegrationTests;

/// <summary>
/// Timeline, hosted on the real PostgreSQL and RabbitMQ, sending webhooks to a fake retailer: one Kestrel server with a
/// path per tenant — acme and globex answer 200, flaky answers 500 to an event's first attempt, down never answers.
/// </summary>
public sealed class RetailerWebhookFixture : IAsyncLifetime
{
    public const string ApiKey = "acme-webhook-test-key";
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
        settings["Tenants:acme:ApiKeys:0"] = ApiKey;
        foreach (var tenant in new[] { "acme", "globex", "flaky", "down" })
        {
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

    public static ShipmentStatusChanged StatusChange(string tenant) => new(
        Guid.NewGuid(), Guid.NewGuid(), tenant, "IT-" + Guid.NewGuid().ToString("N")[..8], "dhl", "JD" + Guid.NewGuid().ToString("N")[..10],
        TrackingStatus.InTransit, TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified, DateTimeOffset.Parse("2026-11-25T07:30:00+01:00"), Guid.NewGuid());
}

public class RetailerWebhookTests(RetailerWebhookFixture fixture) : IClassFixture<RetailerWebhookFixture>
{
    [Fact]
    public async Task StatusChange_ReachesTheRetailerOnce_SignedWithTheTenantsSecret()
    {
        var (order, tracking) = ("IT-" + Guid.NewGuid().ToString("N")[..8], "SIM" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant());
        var client = fixture.Timeline.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", RetailerWebhookFixture.ApiKey);
        var registered = await client.PostAsJsonAsync("/api/orders", new
        {
            orderNumber = order,
            customer = new { name = "Erika Mustermann", email = "erika@example.com", phone = "+4915112345678", locale = "de-DE" },
            promisedDeliveryDate = "2026-11-26",
            shipments = new[] { new { carrier = "simulator", trackingNumber = tracking } },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, registered.StatusCode);
        var at = DateTimeOffset.Parse("2026-11-23T09:15:00+01:00");

        await fixture.PublishAsync(new TrackingEventObserved(
            StableIds.ForCarrierScan("simulator", tracking, at, "IN_TRANSIT"), "acme", "simulator", tracking,
            TrackingStatus.InTransit, TrackingSubstatus.Unspecified, "IN_TRANSIT", "In transit", at, null, null, at));

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
        var change = RetailerWebhookFixture.StatusChange("flaky");

        await fixture.PublishAsync(change);

        var delivery = await Eventually.Get(() => fixture.DeliveryAsync("flaky", change.ChangeId), d => d?.State == DeliveryState.Delivered, "the retried delivery");
        Assert.Equal(2, delivery.Attempts);
        var attempts = fixture.RequestsFor(change.ChangeId);
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
    }

    [Fact]
    public async Task OneTenantsEndpointDown_DoesNotDelayAnotherTenantsWebhook()
    {
        var stuck = Enumerable.Range(0, 4).Select(_ => RetailerWebhookFixture.StatusChange("down")).ToList();
        foreach (var change in stuck)
        {
            await fixture.PublishAsync(change);
        }

        await Eventually.Until(() => fixture.Retailer.Count("POST", "/down") >= 2, "the down endpoint to hold attempts open");
        var other = RetailerWebhookFixture.StatusChange("globex");
        await fixture.PublishAsync(other);

        await Eventually.Until(() => fixture.RequestsFor(other.ChangeId).Count == 1, "globex's webhook while down's endpoint hangs", TimeSpan.FromSeconds(10));
        foreach (var change in stuck)
        {
            Assert.Equal(DeliveryState.Pending, (await fixture.DeliveryAsync("down", change.ChangeId))?.State);
        }

        Assert.Equal(DeliveryState.Delivered, (await Eventually.Get(
            () => fixture.DeliveryAsync("globex", other.ChangeId), d => d?.State == DeliveryState.Delivered, "globex's delivery marked delivered"))!.State);
    }

    [Fact]
    public async Task RedeliveredBusMessage_SendsNothingTwice()
    {
        var change = RetailerWebhookFixture.StatusChange("acme");

        await fixture.PublishAsync(change);
        await fixture.PublishAsync(change);

        await Eventually.Until(() => fixture.Timeline.Consumed.Count<ShipmentStatusChanged>(m => m.ChangeId == change.ChangeId) == 2, "both deliveries consumed");
        var delivery = await Eventually.Get(() => fixture.DeliveryAsync("acme", change.ChangeId), d => d?.State == DeliveryState.Delivered, "the delivery marked delivered");
        Assert.Equal(1, delivery.Attempts);
        Assert.Single(fixture.RequestsFor(change.ChangeId));
    }
}
