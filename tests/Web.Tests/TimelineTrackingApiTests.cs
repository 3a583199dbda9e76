using System.Net;
using System.Net.Http.Json;
using Shipping.Contracts.Api;
using Shipping.Web.Tests.Infrastructure;

namespace Shipping.Web.Tests;

/// <summary>Timeline's endpoints for the tracking page: platform services only, contact data masked, one answer for every miss.</summary>
[Collection(WebPlatformCollection.Name)]
public class TimelineTrackingApiTests(WebPlatformFixture platform)
{
    private HttpClient ServiceClient(string tenant)
    {
        var client = platform.Timeline.CreateClient();
        client.DefaultRequestHeaders.Add("X-Service-Key", WebPlatformFixture.ServiceKey);
        client.DefaultRequestHeaders.Add("X-Tenant-Id", tenant);
        return client;
    }

    [Fact]
    public async Task TrackedOrder_IsForPlatformServicesOnly_AndMasksTheContact()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);

        var asRetailer = await platform.TimelineClient().GetAsync($"/api/tracking/orders/{order}");
        var tracked = await ServiceClient("acme").GetFromJsonAsync<TrackedOrder>($"/api/tracking/orders/{order}", WebPlatformFixture.Json);
        var otherTenant = await ServiceClient("globex").GetAsync($"/api/tracking/orders/{order}");

        Assert.Equal(HttpStatusCode.Forbidden, asRetailer.StatusCode);
        Assert.Equal(("+49 *** **12", "e***@example.com", "Europe/Berlin"), (tracked!.MaskedPhone, tracked.MaskedEmail, tracked.TimeZone));
        Assert.Single(tracked.ShipmentIds);
        Assert.Equal(HttpStatusCode.NotFound, otherTenant.StatusCode);
    }

    [Fact]
    public async Task Lookup_AnswersTheSameForEveryMiss()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        var client = ServiceClient("acme");

        var hit = await client.PostAsJsonAsync("/api/tracking/lookup", new TrackingLookup(order, "10115", null));
        var misses = new[]
        {
            await client.PostAsJsonAsync("/api/tracking/lookup", new TrackingLookup(order, "10116", null)),
            await client.PostAsJsonAsync("/api/tracking/lookup", new TrackingLookup(order, null, "x@example.com")),
            await client.PostAsJsonAsync("/api/tracking/lookup", new TrackingLookup("UNKNOWN-1", "10115", null)),
            await client.PostAsJsonAsync("/api/tracking/lookup", new TrackingLookup(order, null, null)),
            await ServiceClient("globex").PostAsJsonAsync("/api/tracking/lookup", new TrackingLookup(order, "10115", null)),
        };

        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        Assert.All(misses, m => Assert.Equal(HttpStatusCode.NotFound, m.StatusCode));
        var bodies = await Task.WhenAll(misses.Select(m => m.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Select(b => System.Text.RegularExpressions.Regex.Replace(b, "\"traceId\":\"[^\"]*\"", "")).Distinct());
    }
}
