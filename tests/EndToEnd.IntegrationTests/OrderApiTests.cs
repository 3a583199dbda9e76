using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Shipping.EndToEnd.IntegrationTests.Infrastructure;
using Shipping.Testing;

namespace Shipping.EndToEnd.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class OrderApiTests(PlatformFixture platform)
{
    private static object Order(string orderNumber, string trackingNumber, string name = "Erika Mustermann") => new
    {
        orderNumber,
        customer = new { name, email = "erika@example.com", phone = "+4915112345678", locale = "de-DE" },
        promisedDeliveryDate = PlatformFixture.Day(3),
        shipments = new[] { new { carrier = "simulator", trackingNumber } },
    };

    [Fact]
    public async Task RegisteringTheSameOrderAgain_IsIdempotent()
    {
        var order = Order(PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        var client = platform.TimelineClient();

        var first = await client.PostAsJsonAsync("/api/orders", order);
        var again = await client.PostAsJsonAsync("/api/orders", order);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ConflictingReRegistration_Gets409()
    {
        var (number, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        var client = platform.TimelineClient();
        await client.PostAsJsonAsync("/api/orders", Order(number, tracking));

        var conflicting = await client.PostAsJsonAsync("/api/orders", Order(number, tracking, name: "Max Mustermann"));

        Assert.Equal(HttpStatusCode.Conflict, conflicting.StatusCode);
        Assert.Equal("application/problem+json", conflicting.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task InvalidOrder_Gets400_NamingEachField_AndStoresNothing()
    {
        var number = PlatformFixture.NewOrderNumber();
        var response = await platform.TimelineClient().PostAsJsonAsync("/api/orders", new
        {
            orderNumber = number,
            customer = new { name = "", phone = "0151 1234" },
            promisedDeliveryDate = "tomorrow",
            shipments = new[] { new { carrier = "simulator", trackingNumber = "" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(
            ["customer.name", "customer.phone", "promisedDeliveryDate", "shipments[0].trackingNumber"],
            problem!.Errors.Keys.Order().ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await platform.TimelineClient().GetAsync($"/api/orders/{number}/timeline")).StatusCode);
    }

    [Fact]
    public async Task WithoutAValidApiKey_Gets401()
    {
        var anonymous = platform.Timeline.CreateClient();
        var wrongKey = platform.TimelineClient("not-a-key");

        var none = await anonymous.PostAsJsonAsync("/api/orders", Order(PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber()));
        var wrong = await wrongKey.GetAsync("/api/orders/1001/timeline");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task OneTenantsKey_NeverReadsAnotherTenantsOrder()
    {
        var number = PlatformFixture.NewOrderNumber();
        await platform.RegisterOrderAsync(number, PlatformFixture.NewTrackingNumber(), apiKey: PlatformFixture.AcmeKey);

        var fromOtherTenant = await platform.TimelineClient(PlatformFixture.GlobexKey).GetAsync($"/api/orders/{number}/timeline");

        Assert.Equal(HttpStatusCode.NotFound, fromOtherTenant.StatusCode);
        Assert.NotNull(await platform.TimelineAsync(number, PlatformFixture.AcmeKey));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi_AndDevelopmentHasAnInteractiveReference()
    {
        var client = platform.Timeline.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");
        var reference = await client.GetAsync("/scalar/");

        Assert.Contains("\"/api/orders\"", document);
        Assert.Contains("\"/api/orders/{orderNumber}/timeline\"", document);
        Assert.Contains("X-Api-Key", document);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Equal("text/html", reference.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownOrder_Gets404ProblemDetails()
    {
        var response = await platform.TimelineClient().GetAsync($"/api/orders/{PlatformFixture.NewOrderNumber()}/timeline");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AddressWindowAndConsent_AreRegistered_TheWindowIsExpected_AndNotificationsLearnTheContact()
    {
        var (number, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        var response = await platform.TimelineClient().PostAsJsonAsync("/api/orders", new
        {
            orderNumber = number,
            customer = new { name = "Erika Mustermann", email = "erika@example.com", phone = "+4915112345678", locale = "de-DE", timeZone = "Europe/Berlin", smsOptIn = true },
            deliveryAddress = new { name = "Erika Mustermann", street = "Heidestraße", houseNumber = "17", postalCode = "51147", city = "Köln", countryCode = "DE" },
            promisedDeliveryWindow = new { from = PlatformFixture.Day(2), to = PlatformFixture.Day(4) },
            shipments = new[] { new { carrier = "simulator", trackingNumber = tracking, service = "standard", origin = new { postalCode = "04435", countryCode = "DE" } } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var shipmentId = Shipping.Timeline.Shipments.ShipmentView.IdFor(number, "simulator", tracking);
        Shipping.Timeline.Shipments.ShipmentView? view;
        await using (var session = platform.Timeline.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession("acme"))
        {
            view = await session.LoadAsync<Shipping.Timeline.Shipments.ShipmentView>(shipmentId);
        }

        Assert.Equal(new Shipping.Timeline.Shipments.ShipmentRoute("standard", "DE-04", "DE-51"), view!.Route);
        Assert.Equal(
            new Shipping.Contracts.DeliveryEstimate(DateOnly.Parse(PlatformFixture.Day(2)), LatestDate: DateOnly.Parse(PlatformFixture.Day(4))),
            view.ExpectedDelivery?.Estimate);

        var placed = await Eventually.Get(
            () => Task.FromResult(platform.Timeline.Published.Of<Shipping.Contracts.OrderPlaced>().SingleOrDefault(o => o.OrderNumber == number)),
            o => o is not null, "OrderPlaced to be published");
        Assert.Equal("acme", placed.TenantId);
        Assert.Equal(("+4915112345678", "Europe/Berlin", true, true), (placed.Customer.Phone, placed.Customer.TimeZone, placed.Customer.SmsOptIn, placed.Customer.EmailOptIn));
        Assert.Equal("51147", placed.DeliveryAddress?.PostalCode);
    }
}
