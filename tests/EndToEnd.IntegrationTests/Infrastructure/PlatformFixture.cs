using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shipping.Carriers.Simulator;
using Shipping.Carriers.Watching;
using Shipping.Carriers.Webhooks;
using Shipping.Testing;
using Shipping.Notifications.Alerts;
using Shipping.Timeline.Orders;
using Shipping.Timeline.Timelines.GettingOrderTimeline;

namespace Shipping.EndToEnd.IntegrationTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}

/// <summary>
/// The thin slice, whole: Simulator adapter, Timeline and Notifications, each a real host, talking through a real
/// RabbitMQ (a virtual host of this run's own) and storing in a real PostgreSQL (schemas of this run's own).
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public const string AcmeKey = "acme-test-key";
    public const string GlobexKey = "globex-test-key";

    /// <summary>The key Web would call Timeline and Notifications with, acting for any tenant.</summary>
    public const string ServiceKey = "web-test-service-key";

    /// <summary>A tenant for tests whose data changes what every other shipment of the tenant gets (delivery history).</summary>
    public const string InitechKey = "initech-test-key";

    /// <summary>The platform's stale-tracking threshold in these tests: scans older than this count as stale.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(3650);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private TestInfrastructure? _infrastructure;

    /// <summary>This run's RabbitMQ virtual host and schemas: more services can join the platform through it.</summary>
    public TestInfrastructure Infrastructure => _infrastructure ?? throw new InvalidOperationException("Not started.");

    public ServiceFactory<OrderDetails> Timeline { get; private set; } = null!;
    public ServiceFactory<DueAlert> Notifications { get; private set; } = null!;
    public ServiceFactory<SimulatorOptions> Simulator { get; private set; } = null!;
    public ActivityRecorder Activities { get; } = new();

    /// <summary>Twilio, faked at the HTTP level: Notifications sends its SMS here.</summary>
    public FakeTwilio Twilio { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        Twilio = await FakeTwilio.StartAsync();
        Dictionary<string, string> Settings(string name)
        {
            var settings = _infrastructure.Settings(name);
            settings["Tenants:acme:ApiKeys:0"] = AcmeKey;
            settings["Tenants:globex:ApiKeys:0"] = GlobexKey;
            settings["Platform:ServiceKeys:web"] = ServiceKey;
            settings["Tenants:initech:ApiKeys:0"] = InitechKey;
            // Scans in these tests carry fixed past times: only the delay tests' own shipments may count as stale.
            settings["Timeline:Delays:StaleAfter"] = StaleAfter.ToString();
            settings["Timeline:Delays:ScanInterval"] = "00:00:00.500";
            return settings;
        }

        Timeline = new ServiceFactory<OrderDetails>(Settings("timeline"));
        var notifications = Settings("notifications");
        notifications["Twilio:BaseUrl"] = Twilio.BaseUrl.ToString();
        notifications["Twilio:AccountSid"] = Twilio.AccountSid;
        notifications["Twilio:AuthToken"] = Twilio.AuthToken;
        notifications["Twilio:From"] = "+15005550006";
        notifications["Notifications:PublicBaseUrl"] = "https://notify.example.com";
        // Alerts go out whatever the hour these tests run at (quiet hours have their own tests with a fake clock).
        notifications["Notifications:QuietHoursStart"] = "00:00";
        notifications["Notifications:QuietHoursEnd"] = "00:00";
        notifications["Notifications:GroupingWindow"] = "00:00:00.500";
        notifications["Notifications:DispatchInterval"] = "00:00:00.100";
        Notifications = new ServiceFactory<DueAlert>(notifications);
        Simulator = new ServiceFactory<SimulatorOptions>(Settings("simulator"));

        // Creating a client starts the host: Marten applies its schema, MassTransit declares its queues.
        foreach (var start in new Action[] { () => Timeline.CreateClient(), () => Notifications.CreateClient(), () => Simulator.CreateClient() })
        {
            start();
        }
    }

    public async Task DisposeAsync()
    {
        await Simulator.DisposeAsync();
        await Notifications.DisposeAsync();
        await Timeline.DisposeAsync();
        await Twilio.DisposeAsync();
        Activities.Dispose();
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }

    public HttpClient TimelineClient(string apiKey = AcmeKey)
    {
        var client = Timeline.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>A client calling Timeline as a platform service (Web) acting for <paramref name="tenant"/>.</summary>
    public HttpClient TimelineServiceClient(string tenant, string serviceKey = ServiceKey)
    {
        var client = Timeline.CreateClient();
        client.DefaultRequestHeaders.Add("X-Service-Key", serviceKey);
        client.DefaultRequestHeaders.Add("X-Tenant-Id", tenant);
        return client;
    }

    public static string NewTrackingNumber() => "SIM" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    public static string NewOrderNumber() => "IT-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A date relative to today (yyyy-MM-dd), so tests mean the same whatever day they run.</summary>
    public static string Day(int fromToday) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task RegisterOrderAsync(string orderNumber, string trackingNumber, string? promised = null, string apiKey = AcmeKey)
    {
        await PostOrderAsync(orderNumber, "simulator", trackingNumber, promised, apiKey);

        // The adapter learns of the shipment through the bus (ShipmentRegistered, published by Timeline's subscription).
        var watchList = Simulator.Services.GetRequiredService<ParcelWatchList>();
        await Eventually.Get(() => watchList.FindAsync(trackingNumber, default), p => p?.Watchers.Count > 0, $"the simulator to watch {trackingNumber}");
    }

    public async Task PostOrderAsync(string orderNumber, string carrier, string trackingNumber, string? promised = null, string apiKey = AcmeKey)
    {
        var response = await TimelineClient(apiKey).PostAsJsonAsync("/api/orders", new
        {
            orderNumber,
            customer = new { name = "Erika Mustermann", email = "erika@example.com", phone = "+4915112345678", locale = "de-DE" },
            promisedDeliveryDate = promised ?? Day(3),
            shipments = new[] { new { carrier, trackingNumber } },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    public static string ScanBody(string trackingNumber, string code, string at, string? estimate = null) =>
        JsonSerializer.Serialize(new
        {
            trackingNumber,
            events = new[] { new { code, at, description = $"{code} at the Leipzig hub", location = new { city = "Leipzig", postalCode = "04435", country = "DE" } } },
            estimatedDelivery = estimate,
        });

    public string Sign(string body) =>
        WebhookSignature.SignHexSha256(Simulator.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value.WebhookSecret, Encoding.UTF8.GetBytes(body));

    public Task<HttpResponseMessage> PostScanAsync(string body, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/simulator") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Simulator-Signature", signature ?? Sign(body));
        return Simulator.CreateClient().SendAsync(request);
    }

    public async Task<OrderTimeline?> TimelineAsync(string orderNumber, string apiKey = AcmeKey)
    {
        var response = await TimelineClient(apiKey).GetAsync($"/api/orders/{orderNumber}/timeline");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<OrderTimeline>(Json);
    }

    public async Task<IReadOnlyList<DueAlert>?> DueAlertsAsync(Guid shipmentId)
    {
        await using var session = Notifications.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<DueAlert>().Where(a => a.ShipmentId == shipmentId).ToListAsync();
    }
}
