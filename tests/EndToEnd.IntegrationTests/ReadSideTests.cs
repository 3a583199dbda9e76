using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.EndToEnd.IntegrationTests.Infrastructure;
using Shipping.Testing;

namespace Shipping.EndToEnd.IntegrationTests;

/// <summary>The read API through its Refit interface (<see cref="ITimelineApi"/>), against the real Timeline host.</summary>
[Collection(PlatformCollection.Name)]
public class ReadSideTests(PlatformFixture platform)
{
    private const string Acme = PlatformFixture.AcmeKey;
    private const string Globex = PlatformFixture.GlobexKey;

    // Relative to today: a promised date in the past would make every undelivered shipment late.
    private static readonly DateOnly Promised = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
    private static readonly DateOnly LateEstimate = Promised.AddDays(2);

    private readonly ITimelineApi _api = RestService.ForGenerated<ITimelineApi>(platform.Timeline.CreateClient());

    [Fact]
    public async Task OrderSummary_ShowsEveryShipmentWithItsStatus_AfterScans()
    {
        var customer = Customer.New();
        var (order, first, second) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber(), PlatformFixture.NewTrackingNumber());
        await RegisterAsync(Acme, order, customer, first, second);

        await ScanAsync("acme", first, TrackingStatus.InTransit, "2026-11-23T09:15:00+01:00", estimate: LateEstimate);
        await ScanAsync("acme", second, TrackingStatus.OutForDelivery, "2026-11-24T07:30:00+01:00");

        var summary = await Eventually.Get(
            () => TryGetOrderAsync(Acme, order),
            s => s?.Shipments.Any(x => x.Status == TrackingStatus.OutForDelivery) == true && s.Shipments.Any(x => x.Delayed),
            "both scans and the delay in the order summary",
            describe: s => string.Join(", ", s?.Shipments.Select(x => $"{x.TrackingNumber}:{x.Status}:{x.Delayed}") ?? []));
        Assert.Equal(order, summary.OrderNumber);
        Assert.Equal(Promised, summary.PromisedDeliveryDate);
        Assert.Equal(OrderProgress.InProgress, summary.Progress);
        Assert.True(summary.Delayed);
        Assert.Equal(customer.Email, summary.Customer.Email);
        Assert.Collection(summary.Shipments,
            s =>
            {
                Assert.Equal(first, s.TrackingNumber);
                Assert.Equal(TrackingStatus.InTransit, s.Status);
                Assert.Equal(LateEstimate, s.CarrierEstimate?.Date);
                Assert.True(s.Delayed);
            },
            s =>
            {
                Assert.Equal(second, s.TrackingNumber);
                Assert.Equal(TrackingStatus.OutForDelivery, s.Status);
                Assert.False(s.Delayed);
            });
    }

    [Fact]
    public async Task Search_FindsTheOrder_ByEachKey_InSeveralWrittenForms()
    {
        var customer = Customer.New();
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        await RegisterAsync(Acme, order, customer, tracking);
        await Eventually.Get(() => TryGetOrderAsync(Acme, order), s => s is not null, "the order summary");

        string[] queries =
        [
            order, order.ToUpperInvariant(), " " + order.ToLowerInvariant() + " ",
            tracking, tracking.ToLowerInvariant(), string.Join(' ', tracking.Chunk(4).Select(c => new string(c))),
            customer.Email, "  " + customer.Email.ToUpperInvariant() + " ",
            customer.Phone, customer.PhoneSpaced, "00" + customer.Phone[1..], customer.PhoneNational,
        ];
        foreach (var query in queries)
        {
            var result = await _api.SearchAsync(Acme, query);
            Assert.True(result.Orders.Count == 1 && result.Orders[0].OrderNumber == order, $"'{query}' should find exactly {order}, found [{string.Join(", ", result.Orders.Select(o => o.OrderNumber))}]");
        }

        Assert.Empty((await _api.SearchAsync(Acme, customer.Email.Replace("@", "-other@"))).Orders);
    }

    [Fact]
    public async Task Search_NeverFindsAnotherTenantsOrder()
    {
        var customer = Customer.New();
        var tracking = PlatformFixture.NewTrackingNumber();
        var (acmeOrder, globexOrder) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewOrderNumber());
        await RegisterAsync(Acme, acmeOrder, customer, tracking);
        await RegisterAsync(Globex, globexOrder, customer, tracking);
        await Eventually.Get(() => TryGetOrderAsync(Acme, acmeOrder), s => s is not null, "acme's order summary");
        await Eventually.Get(() => TryGetOrderAsync(Globex, globexOrder), s => s is not null, "globex's order summary");

        foreach (var query in new[] { customer.Email, customer.PhoneSpaced, tracking, globexOrder })
        {
            var found = (await _api.SearchAsync(Acme, query)).Orders.Select(o => o.OrderNumber).ToList();
            Assert.DoesNotContain(globexOrder, found);
        }

        Assert.Equal([globexOrder], (await _api.SearchAsync(Globex, customer.Email)).Orders.Select(o => o.OrderNumber));
        var notFound = await Assert.ThrowsAsync<ValidationApiException>(() => _api.GetOrderAsync(Acme, globexOrder));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("application/problem+json", notFound.ContentHeaders?.ContentType?.MediaType);
    }

    [Fact]
    public async Task SameOrderNumberInTwoTenants_EachSummaryIsItsTenantsOwn()
    {
        var order = PlatformFixture.NewOrderNumber();
        var (acmeCustomer, globexCustomer) = (Customer.New(), Customer.New());
        var (acmeTracking, globexTracking) = (PlatformFixture.NewTrackingNumber(), PlatformFixture.NewTrackingNumber());
        await RegisterAsync(Acme, order, acmeCustomer, acmeTracking);
        await RegisterAsync(Globex, order, globexCustomer, globexTracking);

        await ScanAsync("acme", acmeTracking, TrackingStatus.InTransit, "2026-11-23T09:15:00+01:00");

        var acme = await Eventually.Get(() => TryGetOrderAsync(Acme, order), s => s?.Shipments[0].Status == TrackingStatus.InTransit, "acme's scan in its summary");
        var globex = await Eventually.Get(() => TryGetOrderAsync(Globex, order), s => s is not null, "globex's summary");
        Assert.Equal(acmeCustomer.Email, acme.Customer.Email);
        Assert.Equal([acmeTracking], acme.Shipments.Select(s => s.TrackingNumber));
        Assert.Equal(globexCustomer.Email, globex.Customer.Email);
        Assert.Equal([(globexTracking, TrackingStatus.Pending)], globex.Shipments.Select(s => (s.TrackingNumber, s.Status)));
        var found = Assert.Single((await _api.SearchAsync(Acme, order)).Orders);
        Assert.Equal(acmeCustomer.Email, found.Customer.Email);
    }

    [Fact]
    public async Task PointInTime_ReturnsTheStatusTheShipmentHadThen()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        var shipmentId = await RegisterAsync(Acme, order, Customer.New(), tracking);
        await ScanAsync("acme", tracking, TrackingStatus.InTransit, "2026-11-23T09:15:00+01:00");
        await Eventually.Get(async () => (ShipmentDetails?)await _api.GetShipmentAsync(Acme, shipmentId), s => s?.Status == TrackingStatus.InTransit, "the first scan");
        var between = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(1));

        await ScanAsync("acme", tracking, TrackingStatus.Delivered, "2026-11-24T11:00:00+01:00");
        await Eventually.Get(async () => (ShipmentDetails?)await _api.GetShipmentAsync(Acme, shipmentId), s => s?.Status == TrackingStatus.Delivered, "the second scan");

        var then = await _api.GetShipmentAsOfAsync(Acme, shipmentId, between);
        Assert.Equal(TrackingStatus.InTransit, then.Status);
        Assert.Single(then.Events);
        Assert.Equal(between, then.AsOf);
        Assert.NotEmpty(then.DeliveryOptions.Allowed);
        var beforeItExisted = await Assert.ThrowsAsync<ValidationApiException>(() => _api.GetShipmentAsOfAsync(Acme, shipmentId, between.AddDays(-1)));
        Assert.Equal(HttpStatusCode.NotFound, beforeItExisted.StatusCode);
    }

    [Fact]
    public async Task DeliveryOptions_AreOfferedBeforeOutForDelivery_AndNotAfter()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        var shipmentId = await RegisterAsync(Acme, order, Customer.New(), tracking);
        await ScanAsync("acme", tracking, TrackingStatus.InTransit, "2026-11-23T09:15:00+01:00");
        var inTransit = await Eventually.Get(async () => (ShipmentDetails?)await _api.GetShipmentAsync(Acme, shipmentId), s => s?.Status == TrackingStatus.InTransit, "the transit scan");

        await ScanAsync("acme", tracking, TrackingStatus.OutForDelivery, "2026-11-24T07:30:00+01:00");
        var outForDelivery = await Eventually.Get(async () => (ShipmentDetails?)await _api.GetShipmentAsync(Acme, shipmentId), s => s?.Status == TrackingStatus.OutForDelivery, "the out-for-delivery scan");

        Assert.Equal(Enum.GetValues<DeliveryChangeKind>(), inTransit.DeliveryOptions.Allowed);
        Assert.Null(inTransit.DeliveryOptions.NotAllowedReason);
        Assert.Empty(outForDelivery.DeliveryOptions.Allowed);
        Assert.Contains("out for delivery", outForDelivery.DeliveryOptions.NotAllowedReason);
        Assert.Equal(2, outForDelivery.Events.Count);
    }

    [Fact]
    public async Task OrderTimeline_IsReadableThroughTheSharedInterface()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        await RegisterAsync(Acme, order, Customer.New(), tracking);
        await ScanAsync("acme", tracking, TrackingStatus.InTransit, "2026-11-23T09:15:00+01:00");

        var timeline = await Eventually.Get(async () => (OrderTimeline?)await _api.GetOrderTimelineAsync(Acme, order), t => t?.Shipments[0].Events.Count == 1, "the scan in the timeline");

        var scan = Assert.Single(Assert.Single(timeline.Shipments).Events);
        Assert.Equal(TrackingStatus.InTransit, scan.Status);
        Assert.Equal(TimeSpan.FromHours(1), scan.OccurredAt.Offset);
    }

    [Fact]
    public async Task BadRequests_GetProblemDetails()
    {
        var client = platform.TimelineClient();

        var unknown = await Assert.ThrowsAsync<ValidationApiException>(() => _api.GetShipmentAsync(Acme, Guid.NewGuid()));
        var noQuery = await Assert.ThrowsAsync<ValidationApiException>(() => _api.SearchAsync(Acme, " "));
        var noOffset = await client.GetAsync($"/api/shipments/{Guid.NewGuid()}/as-of?at=2026-11-23T10:00:00");
        var badId = await client.GetAsync("/api/shipments/not-an-id");
        var noKey = await Assert.ThrowsAsync<ValidationApiException>(() => _api.SearchAsync("", "x"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noQuery.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noOffset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        foreach (var type in new[] { unknown.ContentHeaders?.ContentType, noQuery.ContentHeaders?.ContentType, noOffset.Content.Headers.ContentType, badId.Content.Headers.ContentType })
        {
            Assert.Equal("application/problem+json", type?.MediaType);
        }

        Assert.Contains("\"at\"", await noOffset.Content.ReadAsStringAsync());
        Assert.Contains("q", noQuery.Content!.Errors.Keys);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheReadEndpoints()
    {
        var document = await platform.Timeline.CreateClient().GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/api/orders/{orderNumber}", "/api/shipments/{shipmentId}", "/api/shipments/{shipmentId}/as-of", "/api/search" })
        {
            Assert.Contains($"\"{path}\"", document);
        }

        Assert.Contains("\"DeliveryOptions\"", document);
    }

    private async Task<OrderSummary?> TryGetOrderAsync(string apiKey, string orderNumber)
    {
        try
        {
            return await _api.GetOrderAsync(apiKey, orderNumber);
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null; // The summary is built asynchronously.
        }
    }

    /// <summary>Registers through the API; returns the first shipment's id.</summary>
    private async Task<Guid> RegisterAsync(string apiKey, string orderNumber, Customer customer, params string[] trackingNumbers)
    {
        var response = await platform.TimelineClient(apiKey).PostAsJsonAsync("/api/orders", new
        {
            orderNumber,
            customer = new { name = "Erika Mustermann", email = customer.Email, phone = customer.Phone, locale = "de-DE" },
            promisedDeliveryDate = Promised.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            shipments = trackingNumbers.Select(t => new { carrier = "simulator", trackingNumber = t }).ToArray(),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var registration = await response.Content.ReadFromJsonAsync<Registration>(PlatformFixture.Json);
        return registration!.Shipments[0].ShipmentId;
    }

    /// <summary>A canonical scan on the bus, as a carrier adapter publishes it.</summary>
    private async Task ScanAsync(string tenant, string trackingNumber, TrackingStatus status, string at, DateOnly? estimate = null)
    {
        var occurredAt = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        var code = status.ToString().ToUpperInvariant();
        var bus = platform.Timeline.Services.GetRequiredService<IBus>();
        await bus.Publish(new TrackingEventObserved(
            StableIds.ForCarrierScan("simulator", trackingNumber, occurredAt, code), tenant, "simulator", trackingNumber,
            status, TrackingSubstatus.Unspecified, code, $"{status} at the Leipzig hub", occurredAt,
            new EventLocation("Leipzig", "04435", "DE"), estimate is { } date ? new DeliveryEstimate(date) : null, occurredAt));
    }

    private sealed record Registration(string OrderNumber, IReadOnlyList<RegisteredShipment> Shipments);

    private sealed record RegisteredShipment(Guid ShipmentId, string Carrier, string TrackingNumber);

    /// <summary>A customer of this test's own: a unique email and German mobile number, in the forms people write them.</summary>
    private sealed record Customer(string Email, string Phone, string PhoneSpaced, string PhoneNational)
    {
        public static Customer New()
        {
            var digits = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new Customer(
                $"kunde.{Guid.NewGuid():N}@example.com",
                "+49151" + digits,
                $"+49 151 {digits[..4]} {digits[4..]}",
                $"(0151) {digits[..4]}-{digits[4..]}");
        }
    }
}
