using Shipping.Contracts;
using Shipping.Notifications.Tests.Hosting;
using Shipping.Testing;

namespace Shipping.Notifications.Tests;

/// <summary>A delay alert offers the dates the carrier offered (the newest offer), so the customer's choice is one Timeline accepts.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class CarrierOfferedDatesTests(NotificationsHost host)
{
    private static DeliveryOptionsOffered Offer(ShipmentRegistered shipment, DateTimeOffset at, params DateOnly[] dates) =>
        new(Guid.NewGuid(), shipment.TenantId, shipment.ShipmentId, shipment.Carrier, shipment.TrackingNumber, dates, [], at);

    [Fact]
    public async Task DelayAlert_OffersTheCarriersNewestDates_AndAReplyChoosingOne_RequestsThatDate()
    {
        host.Time.Set(NotificationsHost.Daytime);
        var phone = Given.NewPhone();
        var order = Given.NewOrder();
        var shipment = Given.Shipment(order);
        await host.PublishAsync(Given.Order(order, phone));
        await host.PublishAsync(shipment);

        // The newest offer wins: an older one arriving late, a redelivery and another carrier's change nothing.
        var newest = Offer(shipment, NotificationsHost.Daytime.AddHours(-1), new(2026, 12, 4), new(2026, 11, 24), new(2026, 12, 2));
        var older = Offer(shipment, NotificationsHost.Daytime.AddHours(-5), new(2026, 11, 26), new(2026, 11, 27));
        var otherCarrier = Offer(shipment, NotificationsHost.Daytime, new DateOnly(2026, 11, 26)) with { Carrier = "dhl" };
        await host.PublishAsync(newest);
        await Eventually.Until(() => host.Service.Consumed.Count<DeliveryOptionsOffered>(o => o.OfferId == newest.OfferId) == 1, "the newest offer");
        await host.PublishAsync(older);
        await host.PublishAsync(newest);
        await host.PublishAsync(otherCarrier);
        await Eventually.Until(() => host.Service.Consumed.Count<DeliveryOptionsOffered>(o => o.ShipmentId == shipment.ShipmentId) == 4, "the later offers");

        await host.PublishAsync(Given.Delay(shipment));
        await Eventually.Get(host.Log(order), a => a?.Count == 1 && a[0].ProviderMessageId is not null, "the delay alert");
        var body = host.SmsTo(phone).Single().Single(f => f.Key == "Body").Value;
        Assert.Contains("Reply 1 to deliver on Wed 2 Dec, 2 to leave it with a neighbour, 3 to deliver on Fri 4 Dec.", body);

        var response = await host.InboundSmsAsync(phone, "3");
        Assert.Contains("Fri 4 Dec", await response.Content.ReadAsStringAsync());
        var request = Assert.Single(await Eventually.Get(
            () => Task.FromResult<IReadOnlyList<DeliveryChangeRequested>?>(host.Service.Published.Of<DeliveryChangeRequested>().Where(r => r.ShipmentId == shipment.ShipmentId).ToList()),
            r => r?.Count > 0, "DeliveryChangeRequested"));
        Assert.Equal(DeliveryChangeKind.NewDate, request.Kind);
        Assert.Equal(new DateOnly(2026, 12, 4), request.Details.Date);
        Assert.Equal(DeliveryChangeChannel.Sms, request.Channel);
    }

    [Fact]
    public async Task OfferArrivingBeforeTheShipmentIsKnown_IsKept_AndTheAlertStillNamesTheOrder()
    {
        host.Time.Set(NotificationsHost.Daytime);
        var phone = Given.NewPhone();
        var order = Given.NewOrder();
        var shipment = Given.Shipment(order);
        var offer = Offer(shipment, NotificationsHost.Daytime.AddHours(-1), new(2026, 12, 3), new(2026, 12, 7));
        await host.PublishAsync(offer);
        await Eventually.Until(() => host.Service.Consumed.Count<DeliveryOptionsOffered>(o => o.OfferId == offer.OfferId) == 1, "the offer");
        await host.PublishAsync(Given.Order(order, phone));
        await host.PublishAsync(shipment);
        await Eventually.Until(() => host.Service.Consumed.Count<ShipmentRegistered>(s => s.ShipmentId == shipment.ShipmentId) == 1, "the shipment");

        await host.PublishAsync(Given.Delay(shipment));
        var alert = Assert.Single(await Eventually.Get(host.Log(order), a => a?.Count == 1 && a[0].ProviderMessageId is not null, "the delay alert"));
        Assert.Contains("Reply 1 to deliver on Thu 3 Dec, 2 to leave it with a neighbour, 3 to deliver on Mon 7 Dec.", alert.Text);
    }
}
