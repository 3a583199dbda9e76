using Shipping.Contracts;
using Shipping.Notifications.Tests.Hosting;
using Shipping.Testing;

namespace Shipping.Notifications.Tests;

/// <summary>Acceptance 3: quiet hours hold an alert until morning in the customer's own zone, and drop it if it is no longer true.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class QuietHoursAlertTests(NotificationsHost host)
{
    [Fact]
    public async Task DelayAtNight_InTheCustomersZone_IsHeld_AndSentAtEightInTheMorning()
    {
        var lateEvening = DateTimeOffset.Parse("2026-11-25T22:30:00+01:00");
        host.Time.Set(lateEvening);
        var phone = Given.NewPhone();
        var order = Given.NewOrder();
        var shipment = Given.Shipment(order);
        await host.PublishAsync(Given.Order(order, phone));
        await host.PublishAsync(shipment);
        await host.PublishAsync(Given.Delay(shipment));

        var held = Assert.Single(await Eventually.Get(host.Log(order), a => a?.Count == 1 && a[0].State == "Held", "the alert held"));
        Assert.Contains(held.History, h => h.State == "Held" && h.Note == "Quiet hours until 2026-11-26T08:00:00.0000000+01:00");
        await Eventually.Until(() => host.Service.Published.Of<AlertDeliveryUpdated>().Any(u => u.AlertId == held.AlertId && u.Status == AlertDeliveryStatus.Held),
            "AlertDeliveryUpdated(Held) for the timeline");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(host.RequestsTo(phone));

        host.Time.Set(DateTimeOffset.Parse("2026-11-26T07:59:00+01:00"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(host.RequestsTo(phone));

        host.Time.Set(DateTimeOffset.Parse("2026-11-26T08:00:01+01:00"));
        await Eventually.Until(() => host.RequestsTo(phone).Count == 1, "the SMS in the morning");
        var sent = Assert.Single(await Eventually.Get(host.Log(order), a => a?[0].SentAt is not null, "the alert sent"));
        Assert.True(sent.SentAt >= DateTimeOffset.Parse("2026-11-26T08:00:00+01:00"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(host.RequestsTo(phone));
    }

    [Fact]
    public async Task NightInBerlin_IsDaytimeInNewYork_ForACustomerThere()
    {
        host.Time.Set(DateTimeOffset.Parse("2026-11-25T22:30:00+01:00")); // 16:30 in New York
        var phone = "+1212" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var order = Given.NewOrder();
        await host.PublishAsync(Given.Order(order, phone, timeZone: "America/New_York"));
        await host.PublishAsync(Given.Delay(Given.Shipment(order)));
        await Eventually.Until(() => host.RequestsTo(phone).Count == 1, "the SMS at once");
    }

    [Fact]
    public async Task HeldAlert_NoLongerTrueInTheMorning_IsDropped()
    {
        host.Time.Set(DateTimeOffset.Parse("2026-11-25T23:10:00+01:00"));
        var phone = Given.NewPhone();
        var order = Given.NewOrder();
        var shipment = Given.Shipment(order);
        await host.PublishAsync(Given.Order(order, phone));
        await host.DisableTriggersAsync("Delivered"); // only the pickup alert matters here
        await host.PublishAsync(Given.Status(shipment, TrackingStatus.InTransit, TrackingStatus.AvailableForPickup, host.Time.GetUtcNow()));
        await Eventually.Get(host.Log(order), a => a?.Count == 1 && a[0].State == "Held", "the alert held");

        // Collected at the shop before morning.
        await host.PublishAsync(Given.Status(shipment, TrackingStatus.AvailableForPickup, TrackingStatus.Delivered, host.Time.GetUtcNow().AddMinutes(30)));
        await Eventually.Until(() => host.Service.Consumed.Count<ShipmentStatusChanged>(s => s.ShipmentId == shipment.ShipmentId && s.Status == TrackingStatus.Delivered) == 1, "the delivery");
        host.Time.Set(DateTimeOffset.Parse("2026-11-26T08:00:01+01:00"));

        var alerts = await Eventually.Get(host.Log(order), a => a?.Any(x => x.Trigger == "AvailableForPickup" && x.State == "Dropped") == true, "the alert dropped");
        Assert.Contains(alerts.Single(x => x.Trigger == "AvailableForPickup").History, h => h.Note == "No longer true, or switched off by the brand.");
        Assert.Empty(host.RequestsTo(phone));
        await host.DisableTriggersAsync();
    }
}
