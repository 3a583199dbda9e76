using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Carriers.Simulator;
using Shipping.Carriers.Webhooks;
using Shipping.Contracts;
using Shipping.Testing;

namespace Shipping.Carriers.IntegrationTests;

/// <summary>The simulated carrier offers delivery dates and its parcel shops when it starts watching a parcel and when its estimate moves.</summary>
public sealed class SimulatorDeliveryOfferTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private TestInfrastructure _infrastructure = null!;
    private ServiceFactory<SimulatorOptions> _simulator = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        var settings = _infrastructure.Settings("simulator");
        settings["Simulator:DeliveryOptions:Days"] = "3";
        _simulator = new ServiceFactory<SimulatorOptions>(settings);
        _simulator.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    private static List<DateOnly> WorkingDaysFrom(DateOnly day, int count)
    {
        var days = new List<DateOnly>();
        for (; days.Count < count; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(day);
            }
        }

        return days;
    }

    private List<DeliveryOptionsOffered> OffersFor(Guid shipment) =>
        [.. _simulator.Published.Of<DeliveryOptionsOffered>().Where(o => o.ShipmentId == shipment).OrderBy(o => o.OfferedAt)];

    private async Task PostScanAsync(string tracking, string code, DateTimeOffset at, DateOnly? estimate)
    {
        var body = JsonSerializer.Serialize(new
        {
            trackingNumber = tracking,
            events = new[] { new { code, at = at.ToString("O"), description = code, location = new { city = "Leipzig", postalCode = "04435", country = "DE" } } },
            estimatedDelivery = estimate?.ToString("yyyy-MM-dd"),
        });
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/simulator") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Simulator-Signature", WebhookSignature.SignHexSha256("simulator-secret", Encoding.UTF8.GetBytes(body)));
        var response = await _simulator.CreateClient().SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Watching_OffersTheNextWorkingDaysAndItsShops_AndANewEstimate_OffersAgainFromIt()
    {
        var (shipment, tracking) = (Guid.NewGuid(), "SIMOFF" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Berlin).DateTime);

        await _simulator.Services.GetRequiredService<IBus>().Publish(
            new ShipmentRegistered(shipment, "acme", "A-1", "simulator", tracking, today.AddDays(3), DateTimeOffset.UtcNow));
        var first = (await Eventually.Get(() => Task.FromResult<List<DeliveryOptionsOffered>?>(OffersFor(shipment)), o => o?.Count == 1, "the first offer"))[0];
        var estimate = today.AddDays(8);
        await PostScanAsync(tracking, "IN_TRANSIT", DateTimeOffset.UtcNow.AddMinutes(-2), estimate);
        var offers = await Eventually.Get(() => Task.FromResult<List<DeliveryOptionsOffered>?>(OffersFor(shipment)), o => o?.Count == 2, "the offer after the new estimate");
        await PostScanAsync(tracking, "ARRIVED", DateTimeOffset.UtcNow.AddMinutes(-1), estimate);
        await Task.Delay(500);

        Assert.Equal(("acme", "simulator", tracking), (first.TenantId, first.Carrier, first.TrackingNumber));
        Assert.Equal(WorkingDaysFrom(today.AddDays(1), 3), first.Dates);
        Assert.Contains(first.Shops, s => s.Id == "DE-80331-0042" && s.City == "München" && s.OpeningHours is not null);
        Assert.All(first.Shops, s => Assert.Equal(ParcelShop.Carrier, s.Source));
        Assert.Equal(WorkingDaysFrom(estimate, 3), offers[1].Dates);
        Assert.NotEqual(first.OfferId, offers[1].OfferId);
        Assert.Equal(2, OffersFor(shipment).Count); // the same estimate again offers nothing new
    }

    [Fact]
    public async Task AParcelShopItDoesNotHave_IsRejected()
    {
        var request = new ChangeDelivery(Guid.NewGuid(), "acme", Guid.NewGuid(), "simulator", "SIMSHOP" + Guid.NewGuid().ToString("N")[..8],
            DeliveryChangeKind.ParcelShop, new DeliveryChangeDetails(ParcelShopId: "DE-99999-0000"), DateTimeOffset.UtcNow);

        await _simulator.Services.GetRequiredService<IBus>().Publish(request);

        var rejected = await Eventually.Get(
            () => Task.FromResult(_simulator.Published.Of<DeliveryChangeRejected>().SingleOrDefault(r => r.RequestId == request.RequestId)),
            r => r is not null, "the rejection");
        Assert.Contains("no parcel shop", rejected.Reason);
    }
}
