using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Testing;
using Shipping.Timeline.Tests.Infrastructure;

namespace Shipping.Timeline.Tests.Api;

/// <summary>What the support console calls on Timeline: search by body, every brand, agents' notes, the customer's rating.</summary>
[Collection(TimelineCollection.Name)]
public class SupportApiTests(TimelineHost host)
{
    private static async Task<IReadOnlyCollection<string>> ProblemFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }

    [Fact]
    public async Task SearchByBody_FindsTheOrderByEmailOrPhone_OnlyInItsTenant()
    {
        var order = TimelineHost.NewOrderNumber();
        await host.RegisterOrderAsync("acme", order, TimelineHost.Today.AddDays(3), ("dhl", TimelineHost.NewTrackingNumber()));
        var email = $"Erika.{order.ToLowerInvariant()}@Example.com";

        var byEmail = await Eventually.Get(async () => await (await host.ServiceClient("acme").PostAsJsonAsync("/api/search", new OrderSearchRequest(email)))
                .Content.ReadFromJsonAsync<OrderSearchResult>(TimelineHost.Json),
            r => r?.Orders.Count == 1, "the order summary to be searchable");
        var otherTenant = await (await host.ServiceClient("globex").PostAsJsonAsync("/api/search", new OrderSearchRequest(email)))
            .Content.ReadFromJsonAsync<OrderSearchResult>(TimelineHost.Json);
        var empty = await host.ServiceClient("acme").PostAsJsonAsync("/api/search", new OrderSearchRequest(" "));

        Assert.Equal(order, byEmail.Orders[0].OrderNumber);
        Assert.Equal("+4915112345678", byEmail.Orders[0].Customer.Phone);
        Assert.Empty(otherTenant!.Orders);
        Assert.Equal(["query"], await ProblemFieldsAsync(empty));
    }

    [Fact]
    public async Task Brands_AreListedForPlatformServicesOnly_WithTheRetailersParcelShops()
    {
        var shop = new { id = "ACME-STORE-1", name = "Acme Outdoor Leipzig", street = "Petersstraße 1", postalCode = "04109", city = "Leipzig", countryCode = "de", openingHours = "Mo–Sa 10:00–20:00" };
        var set = await host.RetailerClient().PutAsJsonAsync("/api/brand", new
        {
            name = "Acme Outdoor", primaryColour = "#0A7B3E", accentColour = "#F2A900", languages = new[] { "de", "en" },
            support = new { email = "help@acme.example" }, parcelShops = new[] { shop },
        });
        var badShop = await host.RetailerClient(TimelineHost.GlobexKey).PutAsJsonAsync("/api/brand", new
        {
            name = "Globex", primaryColour = "#123456", accentColour = "#654321", languages = new[] { "en" },
            parcelShops = new[] { new { id = "G-1", name = "Globex", street = "", postalCode = "1", city = "X", countryCode = "Germany" } },
        });

        var brands = await host.ServiceClient(null).GetFromJsonAsync<List<TenantBrand>>("/api/brands", TimelineHost.Json);
        var asRetailer = await host.RetailerClient().GetAsync("/api/brands");
        var anonymous = await host.Timeline.CreateClient().GetAsync("/api/brands");
        var wrongKey = await host.ServiceClient(null, "not-the-key").GetAsync("/api/brands");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(["parcelShops[0].countryCode", "parcelShops[0].street"], (await ProblemFieldsAsync(badShop)).Order());
        var acme = Assert.Single(brands!, b => b.TenantId == "acme").Brand;
        Assert.Equal("Acme Outdoor", acme.Name);
        var stored = Assert.Single(acme.ParcelShops!);
        Assert.Equal(("ACME-STORE-1", "DE", ParcelShop.Retailer, "Mo–Sa 10:00–20:00"), (stored.Id, stored.CountryCode, stored.Source, stored.OpeningHours));
        Assert.DoesNotContain(brands!, b => b.TenantId == "globex");
        Assert.Equal(HttpStatusCode.Forbidden, asRetailer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
    }

    [Fact]
    public async Task AgentNote_ShowsInTheOrdersHistory_ByTheAgent()
    {
        var (order, tracking) = (TimelineHost.NewOrderNumber(), TimelineHost.NewTrackingNumber());
        var shipment = (await host.RegisterOrderAsync("acme", order, TimelineHost.Today.AddDays(3), ("dhl", tracking)))[0];
        var client = host.ServiceClient("acme");

        var onOrder = await client.PostAsJsonAsync($"/api/orders/{order}/notes", new AddAgentNote("a-17", "Jana Berg", "Customer called: away until Friday."));
        var onShipment = await client.PostAsJsonAsync($"/api/orders/{order}/notes", new AddAgentNote("a-17", "Jana Berg", "Asked DHL to hold it.", shipment));
        var history = await client.GetFromJsonAsync<OrderHistory>($"/api/orders/{order}/history", TimelineHost.Json);

        Assert.Equal(HttpStatusCode.Created, onOrder.StatusCode);
        var note = (await onOrder.Content.ReadFromJsonAsync<AgentNote>(TimelineHost.Json))!;
        Assert.Equal((order, (Guid?)null, "a-17", "Jana Berg", "Customer called: away until Friday."), (note.OrderNumber, note.ShipmentId, note.AgentId, note.AgentName, note.Text));
        var rows = history!.Rows.Where(r => r.Kind == TimelineRowKind.AgentNote).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("agent:Jana Berg", r.Actor));
        Assert.Contains(rows, r => r.ShipmentId == Guid.Empty && r.TrackingNumber == "" && r.Summary.Contains("away until Friday"));
        Assert.Contains(rows, r => r.ShipmentId == shipment && r.TrackingNumber == tracking && r.Summary.Contains("hold it"));
        Assert.Equal(HttpStatusCode.Created, onShipment.StatusCode);
        Assert.Contains(history.Rows, r => r.Kind == TimelineRowKind.Registered);
    }

    [Fact]
    public async Task AgentNote_WithMissingOrForeignFields_IsRefused_NamingThem_AndNothingIsWritten()
    {
        var order = TimelineHost.NewOrderNumber();
        await host.RegisterOrderAsync("acme", order, null, ("dhl", TimelineHost.NewTrackingNumber()));
        var client = host.ServiceClient("acme");

        var missing = await client.PostAsJsonAsync($"/api/orders/{order}/notes", new AddAgentNote("", "Jana", new string('x', 2001)));
        var foreignShipment = await client.PostAsJsonAsync($"/api/orders/{order}/notes", new AddAgentNote("a-1", "Jana", "Hello", Guid.NewGuid()));
        var otherTenant = await host.ServiceClient("globex").PostAsJsonAsync($"/api/orders/{order}/notes", new AddAgentNote("a-1", "Jana", "Hello"));
        var history = await client.GetFromJsonAsync<OrderHistory>($"/api/orders/{order}/history", TimelineHost.Json);

        Assert.Equal(["agentId", "text"], (await ProblemFieldsAsync(missing)).Order());
        Assert.Equal(["shipmentId"], await ProblemFieldsAsync(foreignShipment));
        Assert.Equal(HttpStatusCode.NotFound, otherTenant.StatusCode);
        Assert.DoesNotContain(history!.Rows, r => r.Kind == TimelineRowKind.AgentNote);
    }

    [Fact]
    public async Task Rating_IsRefusedBeforeDelivery_ThenRecorded_AndRatingAgainReplacesIt()
    {
        var (order, tracking) = (TimelineHost.NewOrderNumber(), TimelineHost.NewTrackingNumber());
        var shipment = (await host.RegisterOrderAsync("acme", order, TimelineHost.Today.AddDays(3), ("dhl", tracking)))[0];
        var client = host.ServiceClient("acme");

        var early = await client.PostAsJsonAsync($"/api/orders/{order}/rating", new RateDelivery(5, null));
        var before = await client.GetFromJsonAsync<TrackedOrder>($"/api/tracking/orders/{order}", TimelineHost.Json);
        await host.ScanAsync("acme", shipment, "dhl", tracking, TrackingStatus.Delivered, DateTimeOffset.UtcNow.AddMinutes(-5));
        var first = await client.PostAsJsonAsync($"/api/orders/{order}/rating", new RateDelivery(2, "Left in the rain."));
        var again = await client.PostAsJsonAsync($"/api/orders/{order}/rating", new RateDelivery(4, "  On second thought, fine.  "));
        var otherTenant = await host.ServiceClient("globex").PostAsJsonAsync($"/api/orders/{order}/rating", new RateDelivery(1, null));
        var tracked = await client.GetFromJsonAsync<TrackedOrder>($"/api/tracking/orders/{order}", TimelineHost.Json);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("application/problem+json", early.Content.Headers.ContentType?.MediaType);
        Assert.False(before!.CanRate);
        Assert.Null(before.Rating);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((4, "On second thought, fine."), ((await again.Content.ReadFromJsonAsync<DeliveryRating>(TimelineHost.Json))!.Stars, tracked!.Rating!.Comment));
        Assert.Equal(4, tracked.Rating.Stars);
        Assert.True(tracked.CanRate);
        Assert.Equal(HttpStatusCode.NotFound, otherTenant.StatusCode);
        var summary = await Eventually.Get(() => host.GetOrNullAsync<OrderSummary>(client, $"/api/orders/{order}"),
            s => s?.Rating?.Stars == 4, "the order summary to show the rating");
        Assert.Equal("On second thought, fine.", summary.Rating!.Comment);
        var history = await client.GetFromJsonAsync<OrderHistory>($"/api/orders/{order}/history", TimelineHost.Json);
        var newest = history!.Rows.First(r => r.Kind == TimelineRowKind.CustomerRating);
        Assert.Equal("customer", newest.Actor);
        Assert.Contains("4 of 5", newest.Summary);
    }

    [Theory]
    [InlineData(0, null, "stars")]
    [InlineData(6, null, "stars")]
    [InlineData(3, 1001, "comment")]
    public async Task Rating_OutOfRange_IsRefused_NamingTheField(int stars, int? commentLength, string field)
    {
        var order = TimelineHost.NewOrderNumber();
        await host.RegisterOrderAsync("acme", order, null, ("dhl", TimelineHost.NewTrackingNumber()));

        var response = await host.ServiceClient("acme").PostAsJsonAsync($"/api/orders/{order}/rating",
            new RateDelivery(stars, commentLength is { } n ? new string('x', n) : null));

        Assert.Equal([field], await ProblemFieldsAsync(response));
    }

    [Fact]
    public async Task DeliveryChangeAskedByAnAgent_ShowsTheAgentAsTheActor()
    {
        var (order, tracking) = (TimelineHost.NewOrderNumber(), TimelineHost.NewTrackingNumber());
        var shipment = (await host.RegisterOrderAsync("acme", order, TimelineHost.Today.AddDays(3), ("dhl", tracking)))[0];

        await host.Bus.Publish(new DeliveryChangeRequested(Guid.NewGuid(), "acme", shipment, DeliveryChangeKind.SafePlace,
            new DeliveryChangeDetails(SafePlace: "Behind the garage"), DeliveryChangeChannel.SupportAgent, DateTimeOffset.UtcNow, "agent:Jana Berg"));
        await host.Bus.Publish(new DeliveryChangeRequested(Guid.NewGuid(), "acme", shipment, DeliveryChangeKind.Neighbour,
            new DeliveryChangeDetails(NeighbourName: "Schmidt", NeighbourHouseNumber: "3"), DeliveryChangeChannel.Sms, DateTimeOffset.UtcNow));

        var history = await Eventually.Get(() => host.ServiceClient("acme").GetFromJsonAsync<OrderHistory>($"/api/orders/{order}/history", TimelineHost.Json),
            h => h?.Rows.Count(r => r.Kind == TimelineRowKind.DeliveryChangeRequested) == 2, "both requests recorded");
        Assert.Equal(["agent:Jana Berg", "customer:sms"],
            history.Rows.Where(r => r.Kind == TimelineRowKind.DeliveryChangeRequested).Select(r => r.Actor).Order());
    }
}
