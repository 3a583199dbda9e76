using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.EndToEnd.IntegrationTests.Infrastructure;
using Shipping.Testing;

namespace Shipping.EndToEnd.IntegrationTests;

/// <summary>Each retailer's brand settings and API keys, stored per tenant; platform services acting for a tenant.</summary>
[Collection(PlatformCollection.Name)]
public class TenancyTests(PlatformFixture platform)
{
    private static object Brand(string name) => new
    {
        name,
        logoUrl = "https://cdn.example.com/logo.svg",
        primaryColour = "#0a3d62",
        accentColour = "#E55039",
        languages = new[] { "de", "en" },
        support = new { email = "hilfe@example.com", phone = "+49301234567", url = "https://example.com/hilfe" },
        privacyPolicyUrl = "https://example.com/datenschutz",
        faqUrl = "https://example.com/faq",
    };

    [Fact]
    public async Task NotificationsThatMissedABrand_LearnItAgain_WhenItAsksTimelineToAnnounceTheBrands()
    {
        // Notifications asks once its bus is up.
        await Eventually.Until(() => platform.Notifications.Published.Of<BrandsAnnouncementRequested>().Count > 0, "Notifications to ask for the brands");

        var tenant = "missed-" + Guid.NewGuid().ToString("N")[..8];
        (await platform.TimelineServiceClient(tenant).PutAsJsonAsync("/api/brand", Brand("Rösterei Nord"))).EnsureSuccessStatusCode();
        var store = platform.Notifications.Services.GetRequiredService<Marten.IDocumentStore>();
        var learnt = await Eventually.Get(() => LoadAsync(store, tenant), p => p?.Settings is not null, "Notifications to learn the brand");
        Assert.Equal("Rösterei Nord", learnt.Brand.Name);

        // As if Notifications' database were new: the brand is gone there, and its announcement long past.
        await using (var session = store.LightweightSession())
        {
            session.Delete<Shipping.Notifications.Brands.BrandProfile>(tenant);
            await session.SaveChangesAsync();
        }

        Assert.Null(await LoadAsync(store, tenant));
        await platform.Notifications.Services.GetRequiredService<MassTransit.IBus>()
            .Publish(new BrandsAnnouncementRequested(Guid.NewGuid(), "notifications", DateTimeOffset.UtcNow));

        var again = await Eventually.Get(() => LoadAsync(store, tenant), p => p?.Settings is not null, "Notifications to learn the brand again");
        Assert.Equal(("Rösterei Nord", "#0A3D62"), (again.Brand.Name, again.Brand.PrimaryColour));
        Assert.Equal(learnt.ConfiguredAt, again.ConfiguredAt);
    }

    private static async Task<Shipping.Notifications.Brands.BrandProfile?> LoadAsync(Marten.IDocumentStore store, string tenant)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Shipping.Notifications.Brands.BrandProfile>(tenant);
    }

    [Fact]
    public async Task Brand_IsStoredPerTenant_Announced_AndSettingItAgainChangesNothing()
    {
        var tenant = "brand-" + Guid.NewGuid().ToString("N")[..8];
        var client = platform.TimelineServiceClient(tenant);

        var before = await client.GetFromJsonAsync<BrandSettings>("/api/brand", PlatformFixture.Json);
        var set = await client.PutAsJsonAsync("/api/brand", Brand("Kaffeerösterei Süd"));
        var again = await client.PutAsJsonAsync("/api/brand", Brand("Kaffeerösterei Süd"));
        var after = await client.GetFromJsonAsync<BrandSettings>("/api/brand", PlatformFixture.Json);
        var otherTenant = await platform.TimelineClient(PlatformFixture.GlobexKey).GetFromJsonAsync<BrandSettings>("/api/brand", PlatformFixture.Json);

        Assert.Equal(BrandSettings.Default(tenant) with { Languages = [] }, before! with { Languages = [] });
        Assert.Equal(["en", "de"], before.Languages);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("Kaffeerösterei Süd", after!.Name);
        Assert.Equal(("#0A3D62", "#E55039", "de"), (after.PrimaryColour, after.AccentColour, after.DefaultLanguage));
        Assert.Equal(new SupportContact("hilfe@example.com", "+49301234567", "https://example.com/hilfe"), after.Support);
        Assert.NotEqual("Kaffeerösterei Süd", otherTenant!.Name);

        await Eventually.Until(() => platform.Timeline.Published.Of<BrandConfigured>().Any(b => b.TenantId == tenant), "BrandConfigured to be published");
        await Task.Delay(500); // a second (wrong) announcement would follow the first within the daemon's next page
        var announced = Assert.Single(platform.Timeline.Published.Of<BrandConfigured>(), b => b.TenantId == tenant);
        Assert.Equal(after, announced.Brand with { Languages = after.Languages });
        Assert.Equal(["de", "en"], announced.Brand.Languages);

        // Through the shared Refit interface, with an API key of that tenant.
        var issued = await (await client.PostAsJsonAsync("/api/api-keys", new { label = "refit" })).Content.ReadFromJsonAsync<IssuedApiKey>(PlatformFixture.Json);
        var api = Refit.RestService.ForGenerated<ITimelineApi>(platform.Timeline.CreateClient());
        Assert.Equal("Kaffeerösterei Süd", (await api.GetBrandAsync(issued!.Key)).Name);
    }

    [Fact]
    public async Task InvalidBrand_Gets400_NamingEachField_AndChangesNothing()
    {
        var tenant = "brand-" + Guid.NewGuid().ToString("N")[..8];
        var client = platform.TimelineServiceClient(tenant);

        var response = await client.PutAsJsonAsync("/api/brand", new
        {
            name = "",
            logoUrl = "javascript:alert(1)",
            primaryColour = "blue",
            accentColour = "#12345",
            languages = new[] { "en", "fr", "en" },
            support = new { email = "nope", phone = "030 1234", url = "http://example.com" },
            privacyPolicyUrl = "//evil.example.com",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(
            ["accentColour", "languages[1]", "languages[2]", "logoUrl", "name", "primaryColour", "privacyPolicyUrl", "support.email", "support.phone", "support.url"],
            problem!.Errors.Keys.Order().ToArray());
        Assert.Equal(BrandSettings.Default(tenant).Name, (await client.GetFromJsonAsync<BrandSettings>("/api/brand", PlatformFixture.Json))!.Name);
    }

    [Fact]
    public async Task IssuedApiKey_AuthenticatesAsItsTenant_IsListedByPrefixOnly_AndStopsWorkingWhenRevoked()
    {
        var tenant = "keys-" + Guid.NewGuid().ToString("N")[..8];
        var issued = await (await platform.TimelineServiceClient(tenant).PostAsJsonAsync("/api/api-keys", new { label = "shop system" }))
            .Content.ReadFromJsonAsync<IssuedApiKey>(PlatformFixture.Json);
        var retailer = platform.TimelineClient(issued!.Key);

        var number = PlatformFixture.NewOrderNumber();
        var registered = await retailer.PostAsJsonAsync("/api/orders", new
        {
            orderNumber = number,
            customer = new { name = "Erika Mustermann", locale = "de-DE" },
            shipments = new[] { new { carrier = "simulator", trackingNumber = PlatformFixture.NewTrackingNumber() } },
        });
        var listedRaw = await retailer.GetStringAsync("/api/api-keys");
        var listed = await retailer.GetFromJsonAsync<List<ApiKeyInfo>>("/api/api-keys", PlatformFixture.Json);
        var seenByAcme = await platform.TimelineClient().GetAsync($"/api/orders/{number}/timeline");
        var seenByServiceForTenant = await platform.TimelineServiceClient(tenant).GetAsync($"/api/orders/{number}/timeline");

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.StartsWith($"sk_{tenant}_", issued.Key);
        var key = Assert.Single(listed!);
        Assert.Equal((issued.KeyId, issued.Prefix, "shop system", null), (key.KeyId, key.Prefix, key.Label, key.RevokedAt));
        Assert.DoesNotContain(issued.Key, listedRaw);
        Assert.Equal(HttpStatusCode.NotFound, seenByAcme.StatusCode);
        Assert.Equal(HttpStatusCode.OK, seenByServiceForTenant.StatusCode);

        var revoked = await retailer.DeleteAsync($"/api/api-keys/{issued.KeyId}");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await retailer.GetAsync($"/api/orders/{number}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.TimelineClient().DeleteAsync($"/api/api-keys/{issued.KeyId}")).StatusCode);
    }

    [Fact]
    public async Task ServiceKey_IsRefused_WhenUnknown_OrWithoutATenant()
    {
        var wrongKey = platform.TimelineServiceClient("acme", serviceKey: "not-a-service-key");
        var noTenant = platform.Timeline.CreateClient();
        noTenant.DefaultRequestHeaders.Add("X-Service-Key", PlatformFixture.ServiceKey);
        var badTenant = platform.TimelineServiceClient("../acme");

        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync("/api/brand")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await noTenant.GetAsync("/api/brand")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await badTenant.GetAsync("/api/brand")).StatusCode);
        Assert.Equal("application/problem+json", (await wrongKey.GetAsync("/api/brand")).Content.Headers.ContentType?.MediaType);
    }
}
