using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Refit;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.ServiceDefaults;
using Shipping.Web.Tracking;

namespace Shipping.Web.Tests;

/// <summary>
/// The tracking page's reads of Timeline are kept a few seconds per tenant and order: Timeline here is a fake at the HTTP
/// level that counts what is asked of it and answers in Timeline's own JSON.
/// </summary>
public class TrackingCacheTests
{
    private const string Key = "cache-test-tracking-link-key-0123456789abcdef";
    private readonly FakeTimeline _timeline = new();
    private readonly TrackingLinks _links = new(Key);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    [Fact]
    public async Task SameOrderTwice_AsksTimelineOnce_AndForgetReadsAgain()
    {
        var reader = Reader(TimeSpan.FromMinutes(1));
        var link = Link("acme", "1001");

        var first = await reader.ReadAsync(link, "token", default);
        var second = await reader.ReadAsync(link, "token", default);

        Assert.Equal("1001", first?.Order.OrderNumber);
        Assert.Equal("1001", second?.Order.OrderNumber);
        Assert.Equal(1, _timeline.Count("acme", "/api/tracking/orders/1001"));
        Assert.Equal(1, _timeline.Count("acme", "/api/brand"));

        reader.Forget(link);
        await reader.ReadAsync(link, "token", default);
        Assert.Equal(2, _timeline.Count("acme", "/api/tracking/orders/1001"));
    }

    [Fact]
    public async Task OrdersAndTenants_AreKeptApart()
    {
        var reader = Reader(TimeSpan.FromMinutes(1));

        var acme = await reader.ReadAsync(Link("acme", "1001"), "a", default);
        var otherOrder = await reader.ReadAsync(Link("acme", "1002"), "b", default);
        var otherTenant = await reader.ReadAsync(Link("globex", "1001"), "c", default);

        Assert.Equal(("acme", "1001"), (acme!.Tenant, acme.Order.OrderNumber));
        Assert.Equal("1002", otherOrder!.Order.OrderNumber);
        Assert.Equal("globex", otherTenant!.Tenant);
        // Each tenant's shipments are its own: the fake answers with the tenant in the shipment's carrier.
        Assert.Equal("carrier-of-globex", Assert.Single(otherTenant.Shipments).Carrier);
        Assert.Equal("carrier-of-acme", Assert.Single(acme.Shipments).Carrier);
        Assert.Equal(1, _timeline.Count("globex", "/api/tracking/orders/1001"));
    }

    [Fact]
    public async Task NoLifetime_AsksTimelineEveryTime_AndAMissIsNeverKept()
    {
        var uncached = Reader(TimeSpan.Zero);
        await uncached.ReadAsync(Link("acme", "1001"), "t", default);
        await uncached.ReadAsync(Link("acme", "1001"), "t", default);
        Assert.Equal(2, _timeline.Count("acme", "/api/tracking/orders/1001"));

        var cached = Reader(TimeSpan.FromMinutes(1));
        Assert.Null(await cached.ReadAsync(Link("acme", "missing"), "t", default));
        Assert.Null(await cached.ReadAsync(Link("acme", "missing"), "t", default));
        Assert.Equal(2, _timeline.Count("acme", "/api/tracking/orders/missing"));
    }

    private TrackingLink Link(string tenant, string order) => new(tenant, order, DateTimeOffset.UtcNow.AddDays(1));

    private TrackingPageReader Reader(TimeSpan cacheFor)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        var api = RestService.ForGenerated<ITimelineServiceApi>(
            new HttpClient(_timeline) { BaseAddress = new Uri("http://timeline") }, new RefitSettings(new SystemTextJsonContentSerializer(json)));
        var options = Options.Create(new WebOptions { Tracking = new WebOptions.TrackingSettings { CacheFor = cacheFor, BrandCacheFor = cacheFor } });
        return new TrackingPageReader(api, _links, TimeProvider.System, _cache, options);
    }

    /// <summary>Timeline's tracking endpoints as JSON; order "missing" is a 404 problem. Counts requests per tenant and path.</summary>
    private sealed class FakeTimeline : HttpMessageHandler
    {
        private readonly ConcurrentDictionary<(string Tenant, string Path), int> _requests = new();

        public int Count(string tenant, string path) => _requests.GetValueOrDefault((tenant, path));

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var tenant = request.Headers.GetValues(ITimelineServiceApi.TenantHeader).Single();
            var path = request.RequestUri!.AbsolutePath;
            _requests.AddOrUpdate((tenant, path), 1, (_, n) => n + 1);
            var shipmentId = new Guid(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(tenant + path)));
            var response = path switch
            {
                "/api/tracking/orders/missing" => Problem(),
                "/api/brand" => Json(BrandSettings.Default(tenant)),
                _ when path.StartsWith("/api/tracking/orders/", StringComparison.Ordinal) => Json(new
                {
                    orderNumber = path["/api/tracking/orders/".Length..], locale = "en-GB", timeZone = "Europe/Berlin", maskedEmail = "e***@example.com",
                    maskedPhone = "+49 *** **12", promisedDeliveryDate = "2026-12-04", registeredAt = "2026-12-01T10:00:00+00:00", cancelledAt = (string?)null,
                    shipmentIds = new[] { shipmentId },
                }),
                _ when path.StartsWith("/api/shipments/", StringComparison.Ordinal) => Json(new
                {
                    shipmentId = Guid.Parse(path["/api/shipments/".Length..]), orderNumber = "1001", carrier = $"carrier-of-{tenant}", trackingNumber = "SIM1",
                    promisedDeliveryDate = "2026-12-04", status = "InTransit", substatus = "Unspecified", carrierEstimate = (object?)null, lastEventAt = (string?)null,
                    events = Array.Empty<object>(), delays = Array.Empty<object>(), deliveryOptions = new { allowed = Array.Empty<string>(), notAllowedReason = (string?)null },
                    asOf = (string?)null,
                }),
                _ => new HttpResponseMessage(HttpStatusCode.NotFound),
            };
            response.RequestMessage = request;
            return Task.FromResult(response);
        }

        private static HttpResponseMessage Json(object body) =>
            new(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)), Encoding.UTF8, "application/json") };

        private static HttpResponseMessage Problem() =>
            new(HttpStatusCode.NotFound) { Content = new StringContent("{\"title\":\"Not Found\",\"status\":404}", Encoding.UTF8, "application/problem+json") };
    }
}
