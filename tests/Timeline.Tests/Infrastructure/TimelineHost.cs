using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using Marten.Events;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Contracts;
using Shipping.Testing;
using Shipping.Timeline.Orders;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class TimelineCollection : ICollectionFixture<TimelineHost>
{
    public const string Name = "timeline";
}

/// <summary>
/// Timeline alone, a real host on the real PostgreSQL (schemas of this run's own) and RabbitMQ (a virtual host of its
/// own). Carriers and Notifications are outside it: their messages are published on its bus as they would send them.
/// </summary>
public class TimelineHost : IAsyncLifetime
{
    public const string AcmeKey = "acme-timeline-test-key";
    public const string GlobexKey = "globex-timeline-test-key";
    public const string ServiceKey = "web-timeline-test-service-key";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly TimeProvider? _time;
    private TestInfrastructure? _infrastructure;

    public TimelineHost() : this(null)
    {
    }

    protected TimelineHost(TimeProvider? time) => _time = time;

    public ServiceFactory<OrderDetails> Timeline { get; private set; } = null!;

    public IDocumentStore Store => Timeline.Services.GetRequiredService<IDocumentStore>();

    public IBus Bus => Timeline.Services.GetRequiredService<IBus>();

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        var settings = _infrastructure.Settings("timeline");
        settings["Tenants:acme:ApiKeys:0"] = AcmeKey;
        settings["Tenants:globex:ApiKeys:0"] = GlobexKey;
        settings["Platform:ServiceKeys:web"] = ServiceKey;
        // Time-based delays only where a test asks for them.
        settings["Timeline:Delays:StaleAfter"] = TimeSpan.FromDays(3650).ToString();
        settings["Timeline:Delays:ScanInterval"] = TimeSpan.FromHours(1).ToString();
        Timeline = new ServiceFactory<OrderDetails>(settings, services =>
        {
            if (_time is not null)
            {
                services.AddSingleton(_time);
            }
        });
        Timeline.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await Timeline.DisposeAsync();
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }

    public HttpClient RetailerClient(string apiKey = AcmeKey)
    {
        var client = Timeline.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Timeline as Web calls it: the platform service key, acting for <paramref name="tenant"/> (none: no tenant header).</summary>
    public HttpClient ServiceClient(string? tenant, string serviceKey = ServiceKey)
    {
        var client = Timeline.CreateClient();
        client.DefaultRequestHeaders.Add("X-Service-Key", serviceKey);
        if (tenant is not null)
        {
            client.DefaultRequestHeaders.Add("X-Tenant-Id", tenant);
        }

        return client;
    }

    public static string NewOrderNumber() => "TL-" + Guid.NewGuid().ToString("N")[..10];

    public static string NewTrackingNumber() => "TL" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Registers an order through the API (as the tenant, by its service client) and returns its shipments' ids.</summary>
    public async Task<IReadOnlyList<Guid>> RegisterOrderAsync(
        string tenant, string orderNumber, DateOnly? promised, params (string Carrier, string TrackingNumber)[] shipments)
    {
        var response = await ServiceClient(tenant).PostAsJsonAsync("/api/orders", new
        {
            orderNumber,
            customer = new { name = "Erika Mustermann", email = $"erika.{orderNumber.ToLowerInvariant()}@example.com", phone = "+4915112345678", locale = "de-DE", timeZone = "Europe/Berlin" },
            promisedDeliveryDate = promised?.ToString("yyyy-MM-dd"),
            deliveryAddress = new { street = "Heidestraße", houseNumber = "17", postalCode = "51147", city = "Köln", countryCode = "DE" },
            shipments = shipments.Select(s => new { carrier = s.Carrier, trackingNumber = s.TrackingNumber }).ToArray(),
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return [.. shipments.Select(s => ShipmentView.IdFor(orderNumber, s.Carrier, s.TrackingNumber))];
    }

    /// <summary>A carrier scan, as an adapter publishes it; waits until Timeline has recorded it.</summary>
    public async Task ScanAsync(
        string tenant, Guid shipmentId, string carrier, string trackingNumber, TrackingStatus status, DateTimeOffset at, DeliveryEstimate? estimate = null)
    {
        var code = status.ToString().ToUpperInvariant();
        var scan = new TrackingEventObserved(
            StableIds.ForCarrierScan(carrier, trackingNumber, at, code), tenant, carrier, trackingNumber, status, TrackingSubstatus.Unspecified,
            code, $"{status} at the Leipzig hub", at, new EventLocation("Leipzig", "04435", "DE"), estimate, at);
        await Bus.Publish(scan);
        await Eventually.Get(() => ShipmentAsync(tenant, shipmentId), v => v?.Events.Any(e => e.EventId == scan.EventId) == true, $"scan {code} recorded");
    }

    public async Task<ShipmentView?> ShipmentAsync(string tenant, Guid shipmentId)
    {
        await using var session = Store.QuerySession(tenant);
        return await session.LoadAsync<ShipmentView>(shipmentId);
    }

    /// <summary>A read that may not be there yet (an asynchronous projection): null until it is.</summary>
    public async Task<T?> GetOrNullAsync<T>(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<T>(Json) : default;
    }

    public Task WaitForProjectionsAsync() => Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
}
