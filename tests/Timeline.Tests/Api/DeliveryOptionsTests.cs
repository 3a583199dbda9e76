using System.Net.Http.Json;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Testing;
using Shipping.Timeline.Shipments;
using Shipping.Timeline.Tests.Infrastructure;

namespace Shipping.Timeline.Tests.Api;

/// <summary>The dates and parcel shops a customer may choose from: the carrier's offer, the retailer's shops, the fallback; and the refusals.</summary>
[Collection(TimelineCollection.Name)]
public class DeliveryOptionsTests(TimelineHost host)
{
    private static readonly ParcelShop Kiosk = new("SIM-PS-1", "Kiosk am Markt", "Markt 1", "04109", "Leipzig", "DE", ParcelShop.Carrier, "Mo–Sa 07:00–20:00");

    private static DeliveryOptionsOffered Offer(Guid shipment, string tracking, DateTimeOffset at, params DateOnly[] dates) =>
        new(Guid.NewGuid(), "acme", shipment, "simulator", tracking, dates, [Kiosk], at);

    private async Task<(string Order, string Tracking, Guid Shipment)> RegisterAsync(DateOnly? promised = null)
    {
        var (order, tracking) = (TimelineHost.NewOrderNumber(), TimelineHost.NewTrackingNumber());
        var shipment = (await host.RegisterOrderAsync("acme", order, promised ?? TimelineHost.Today.AddDays(3), ("simulator", tracking)))[0];
        return (order, tracking, shipment);
    }

    private Task<ShipmentDetails?> DetailsAsync(Guid shipment) =>
        host.ServiceClient("acme").GetFromJsonAsync<ShipmentDetails>($"/api/shipments/{shipment}", TimelineHost.Json);

    private static List<DateOnly> WorkingDaysAfter(DateOnly day, int count)
    {
        var days = new List<DateOnly>();
        while (days.Count < count)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(day);
            }
        }

        return days;
    }

    /// <summary>Today where the test customers live (Europe/Berlin).</summary>
    private static DateOnly BerlinToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

    [Fact]
    public async Task WithoutACarrierOffer_TheNextFiveWorkingDaysAfterTheExpectedDelivery_AreOffered()
    {
        var promised = BerlinToday.AddDays(4);
        var (_, _, shipment) = await RegisterAsync(promised);

        var options = (await DetailsAsync(shipment))!.DeliveryOptions;

        Assert.Equal(WorkingDaysAfter(promised, 5), options.OfferedDates);
        Assert.DoesNotContain(options.ParcelShops!, s => s.Source == ParcelShop.Carrier);
    }

    [Fact]
    public async Task TheCarriersOffer_IsShown_FutureDatesOnly_WithTheRetailersShops_AndRecordedOnce()
    {
        await host.RetailerClient().PutAsJsonAsync("/api/brand", new
        {
            name = "Acme Outdoor", primaryColour = "#0A7B3E", accentColour = "#F2A900", languages = new[] { "de" },
            parcelShops = new[] { new { id = "ACME-STORE-1", name = "Acme Leipzig", street = "Petersstraße 1", postalCode = "04109", city = "Leipzig", countryCode = "DE" } },
        });
        var (order, tracking, shipment) = await RegisterAsync();
        var offer = Offer(shipment, tracking, DateTimeOffset.UtcNow, BerlinToday.AddDays(-1), BerlinToday, BerlinToday.AddDays(2), BerlinToday.AddDays(3));

        await host.Bus.Publish(offer);
        await host.Bus.Publish(offer);
        var options = (await Eventually.Get(() => DetailsAsync(shipment), d => d?.DeliveryOptions.OfferedDates?.Count == 2, "the carrier's offer")).DeliveryOptions;

        Assert.Equal([BerlinToday.AddDays(2), BerlinToday.AddDays(3)], options.OfferedDates);
        Assert.Equal([("SIM-PS-1", ParcelShop.Carrier), ("ACME-STORE-1", ParcelShop.Retailer)], options.ParcelShops!.Select(s => (s.Id, s.Source)));
        Assert.Equal("Mo–Sa 07:00–20:00", options.ParcelShops![0].OpeningHours);
        await Task.Delay(300); // the redelivery, consumed after the first
        var history = await host.ServiceClient("acme").GetFromJsonAsync<OrderHistory>($"/api/orders/{order}/history", TimelineHost.Json);
        Assert.Single(history!.Rows, r => r.Kind == TimelineRowKind.DeliveryOptionsOffered && r.Actor == "carrier");
    }

    [Fact]
    public async Task TheNewestOffer_Wins_WhateverOrderTheyArriveIn()
    {
        var (_, tracking, shipment) = await RegisterAsync();
        var now = DateTimeOffset.UtcNow;
        var newer = Offer(shipment, tracking, now, BerlinToday.AddDays(5));
        var older = Offer(shipment, tracking, now.AddMinutes(-10), BerlinToday.AddDays(1), BerlinToday.AddDays(2));

        await host.Bus.Publish(newer);
        await Eventually.Get(() => DetailsAsync(shipment), d => d?.DeliveryOptions.OfferedDates?.SequenceEqual([BerlinToday.AddDays(5)]) == true, "the newer offer");
        await host.Bus.Publish(older);
        await Task.Delay(500);

        Assert.Equal([BerlinToday.AddDays(5)], (await DetailsAsync(shipment))!.DeliveryOptions.OfferedDates);
    }

    [Fact]
    public async Task ADateOrShopNotOnOffer_IsRefusedWithTheReason_AndTheCustomerIsTold_AnOfferedOneGoesToTheCarrier()
    {
        var (_, tracking, shipment) = await RegisterAsync();
        await host.Bus.Publish(Offer(shipment, tracking, DateTimeOffset.UtcNow, BerlinToday.AddDays(2)));
        await Eventually.Get(() => DetailsAsync(shipment), d => d?.DeliveryOptions.OfferedDates?.Count == 1, "the carrier's offer");
        DeliveryChangeRequested Ask(DeliveryChangeKind kind, DeliveryChangeDetails details) =>
            new(Guid.NewGuid(), "acme", shipment, kind, details, DeliveryChangeChannel.TrackingPage, DateTimeOffset.UtcNow);
        var wrongDate = Ask(DeliveryChangeKind.NewDate, new DeliveryChangeDetails(Date: BerlinToday.AddDays(9)));
        var wrongShop = Ask(DeliveryChangeKind.ParcelShop, new DeliveryChangeDetails(ParcelShopId: "NO-SUCH-SHOP"));
        var offeredDate = Ask(DeliveryChangeKind.NewDate, new DeliveryChangeDetails(Date: BerlinToday.AddDays(2)));
        var offeredShop = Ask(DeliveryChangeKind.ParcelShop, new DeliveryChangeDetails(ParcelShopId: "SIM-PS-1"));

        foreach (var request in new[] { wrongDate, wrongShop, offeredDate, offeredShop })
        {
            await host.Bus.Publish(request);
        }

        var changes = (await Eventually.Get(() => DetailsAsync(shipment), d => d?.DeliveryChanges?.Count == 4, "all four requests")).DeliveryChanges!;
        var byId = changes.ToDictionary(c => c.RequestId);
        Assert.Equal(nameof(DeliveryChangeState.Refused), byId[wrongDate.RequestId].State);
        Assert.Contains("not offered", byId[wrongDate.RequestId].Reason);
        Assert.Contains(BerlinToday.AddDays(2).ToString("yyyy-MM-dd"), byId[wrongDate.RequestId].Reason);
        Assert.Equal(nameof(DeliveryChangeState.Refused), byId[wrongShop.RequestId].State);
        Assert.Contains("parcel shop", byId[wrongShop.RequestId].Reason);
        Assert.Equal(DeliveryChangeChannel.TrackingPage, byId[wrongShop.RequestId].Channel);
        Assert.Equal(nameof(DeliveryChangeState.Pending), byId[offeredDate.RequestId].State);
        Assert.Equal(nameof(DeliveryChangeState.Pending), byId[offeredShop.RequestId].State);
        var rejected = await Eventually.Get(
            () => Task.FromResult<List<DeliveryChangeRejected>?>(host.Timeline.Published.Of<DeliveryChangeRejected>().Where(r => r.ShipmentId == shipment).ToList()),
            r => r?.Count == 2, "the customer told of both refusals");
        Assert.Equal(new[] { wrongDate.RequestId, wrongShop.RequestId }.Order(), rejected.Select(r => r.RequestId).Order());
        Assert.Equal(byId[wrongDate.RequestId].Reason, rejected.Single(r => r.RequestId == wrongDate.RequestId).Reason);
        var sent = await Eventually.Get(
            () => Task.FromResult<List<ChangeDelivery>?>(host.Timeline.Published.Of<ChangeDelivery>().Where(c => c.ShipmentId == shipment).ToList()),
            c => c?.Count == 2, "both offered changes sent to the carrier");
        Assert.Contains(sent, c => c.Kind == DeliveryChangeKind.ParcelShop && c.Details.ParcelShopId == "SIM-PS-1");
    }

    [Fact]
    public void OfferedDates_WithoutAnOffer_SkipTheWeekend_AndNeverIncludeTodayOrThePast()
    {
        var friday = new DateOnly(2026, 11, 27);

        var afterFriday = Shipments.OfferingDeliveryOptions.DeliveryOffers.DatesFor(null, friday, new DateOnly(2026, 11, 23));
        var expectedInThePast = Shipments.OfferingDeliveryOptions.DeliveryOffers.DatesFor([], new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 25));
        var offered = Shipments.OfferingDeliveryOptions.DeliveryOffers.DatesFor([new(2026, 11, 25), new(2026, 11, 26)], friday, new DateOnly(2026, 11, 25));

        Assert.Equal([new(2026, 11, 30), new(2026, 12, 1), new(2026, 12, 2), new(2026, 12, 3), new(2026, 12, 4)], afterFriday);
        Assert.Equal(new DateOnly(2026, 11, 26), expectedInThePast[0]);
        Assert.Equal([new DateOnly(2026, 11, 26)], offered);
    }
}
