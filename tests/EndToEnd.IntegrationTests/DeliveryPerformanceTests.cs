using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Carriers.Watching;
using Shipping.Contracts;
using Shipping.EndToEnd.IntegrationTests.Infrastructure;
using Shipping.Testing;
using Shipping.Timeline.Performance;

namespace Shipping.EndToEnd.IntegrationTests;

/// <summary>
/// Delivery history through the real pipeline: simulator webhooks → bus → Timeline's streams → the async performance
/// projection → a new shipment on the same route expects what history predicts. In a tenant of its own: its deliveries
/// would otherwise give every later simulator shipment of the tenant a History estimate (the carrier-wide key).
/// </summary>
[Collection(PlatformCollection.Name)]
public class DeliveryPerformanceTests(PlatformFixture platform)
{
    private const string Initech = PlatformFixture.InitechKey;

    /// <summary>Transit days of the delivered parcels: median (6th of 12) 2, 90th percentile (11th of 12) 4.</summary>
    private static readonly int[] TransitDays = [1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 6];

    [Fact]
    public async Task DeliveredParcels_PredictTheNextOnTheirRoute_FromRegistration_AndAgainAtHandover()
    {
        // A service of this test's own, so other tests' simulator parcels share no key with it.
        var service = "express-" + Guid.NewGuid().ToString("N")[..8];
        var delivered = Enumerable.Range(0, TransitDays.Length).Select(_ => PlatformFixture.NewTrackingNumber()).ToList();
        await RegisterAsync(PlatformFixture.NewOrderNumber(), service, delivered);
        var watchList = platform.Simulator.Services.GetRequiredService<ParcelWatchList>();
        foreach (var parcel in delivered)
        {
            await Eventually.Get(() => watchList.FindAsync(parcel, default), p => p?.Watchers.Count > 0, $"the simulator to watch {parcel}");
        }

        for (var i = 0; i < delivered.Count; i++)
        {
            // Handed over at 23:30 and delivered at 00:30 local time: counted in local days (in UTC each is a day shorter).
            var handover = new DateTimeOffset(2026, 11, 2 + i, 23, 30, 0, TimeSpan.FromHours(1));
            var arrival = new DateTimeOffset(2026, 11, 2 + i + TransitDays[i], 0, 30, 0, TimeSpan.FromHours(1));
            var response = await platform.PostScanAsync(Body(delivered[i], ("PICKED_UP", handover), ("DELIVERED", arrival)));
            response.EnsureSuccessStatusCode();
        }

        var routes = await Eventually.Get(
            () => PerformanceAsync(Initech, service),
            r => r?.FirstOrDefault(x => x.OriginRegion is not null)?.Delivered == TransitDays.Length,
            "every delivery in the route's performance",
            timeout: TimeSpan.FromSeconds(60),
            describe: r => string.Join(", ", r?.Select(x => $"{x.OriginRegion}->{x.DestinationRegion}:{x.Delivered}") ?? []));
        var exact = Assert.Single(routes, r => r.OriginRegion is not null);
        Assert.Equal(("simulator", service, "DE-04", "DE-80", 2, 4), (exact.Carrier, exact.Service, exact.OriginRegion, exact.DestinationRegion, exact.MedianDays, exact.Percentile90Days));
        Assert.Equal(
            [(null, "DE-80", TransitDays.Length), (null, null, TransitDays.Length)],
            routes.Where(r => r.OriginRegion is null).Select(r => (r.OriginRegion, r.DestinationRegion, r.Delivered)).OrderBy(r => r.DestinationRegion is null));
        // Another retailer's history is its own.
        Assert.Empty((await PerformanceAsync(PlatformFixture.AcmeKey, service))!);

        // A new parcel on the route: registered today, expected in 2 to 4 days (no carrier estimate, no customer zone: UTC days).
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await RegisterAsync(order, service, [tracking]);
        var atRegistration = (await platform.TimelineAsync(order, Initech))!.Shipments[0].ExpectedDelivery;
        Assert.Equal(EstimateSource.History, atRegistration?.Source);
        Assert.Equal(new DeliveryEstimate(today.AddDays(2), LatestDate: today.AddDays(4)), atRegistration?.Estimate);
        Assert.Equal(EstimateConfidence.Low, atRegistration?.Confidence);

        // Handed over yesterday (before it was registered, as a late-registered parcel is): the prediction moves to 2 to 4 days
        // from yesterday, and both revisions are kept.
        var yesterday = today.AddDays(-1);
        await Eventually.Get(() => watchList.FindAsync(tracking, default), p => p?.Watchers.Count > 0, $"the simulator to watch {tracking}");
        var handedOver = new DateTimeOffset(yesterday.Year, yesterday.Month, yesterday.Day, 9, 0, 0, TimeSpan.FromHours(1));
        (await platform.PostScanAsync(Body(tracking, ("PICKED_UP", handedOver)))).EnsureSuccessStatusCode();
        var shipment = await Eventually.Get(
            async () => (await platform.TimelineAsync(order, Initech))?.Shipments[0],
            s => s?.ExpectedDeliveryRevisions.Count == 2,
            "the prediction revised at handover");
        Assert.Equal(new DeliveryEstimate(yesterday.AddDays(2), LatestDate: yesterday.AddDays(4)), shipment.ExpectedDelivery?.Estimate);
        Assert.Equal([EstimateSource.History, EstimateSource.History], shipment.ExpectedDeliveryRevisions.Select(r => r.Source));
    }

    private async Task RegisterAsync(string orderNumber, string service, IReadOnlyList<string> trackingNumbers)
    {
        var response = await platform.TimelineClient(Initech).PostAsJsonAsync("/api/orders", new
        {
            orderNumber,
            customer = new { name = "Erika Mustermann", email = "erika@example.com", locale = "de-DE" },
            promisedDeliveryDate = PlatformFixture.Day(10),
            deliveryAddress = new { street = "Marienplatz", houseNumber = "1", postalCode = "80331", city = "München", countryCode = "DE" },
            shipments = trackingNumbers.Select(t => new { carrier = "simulator", trackingNumber = t, service, origin = new { postalCode = "04109", countryCode = "DE" } }),
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<IReadOnlyList<RoutePerformance>?> PerformanceAsync(string apiKey, string service) =>
        await platform.TimelineClient(apiKey).GetFromJsonAsync<IReadOnlyList<RoutePerformance>>($"/api/performance?carrier=simulator&service={service}", PlatformFixture.Json);

    private static string Body(string trackingNumber, params (string Code, DateTimeOffset At)[] scans) =>
        JsonSerializer.Serialize(new
        {
            trackingNumber,
            events = scans.Select(s => new
            {
                code = s.Code,
                at = s.At.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
                description = $"{s.Code} at the Leipzig hub",
                location = new { city = "Leipzig", postalCode = "04435", country = "DE" },
            }),
        });
}
