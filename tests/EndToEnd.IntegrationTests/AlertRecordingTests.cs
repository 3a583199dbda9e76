using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.EndToEnd.IntegrationTests.Infrastructure;
using Shipping.Testing;
using Shipping.Timeline.Shipments;

namespace Shipping.EndToEnd.IntegrationTests;

/// <summary>Alerts Notifications reports are recorded on the shipment streams, once, with their delivery status.</summary>
[Collection(PlatformCollection.Name)]
public class AlertRecordingTests(PlatformFixture platform)
{
    [Fact]
    public async Task AlertSentAndItsStatuses_AreOnTheShipmentsTimeline_OnceEach_EvenWhenRedelivered()
    {
        var number = PlatformFixture.NewOrderNumber();
        var tracking = PlatformFixture.NewTrackingNumber();
        await platform.PostOrderAsync(number, "simulator", tracking);
        var shipmentId = ShipmentView.IdFor(number, "simulator", tracking);
        var bus = platform.Timeline.Services.GetRequiredService<IBus>();
        var alertId = Guid.NewGuid();
        var sentAt = DateTimeOffset.UtcNow;
        var sent = new AlertSent(alertId, "acme", number, [shipmentId], AlertChannel.Sms, "Delayed:StaleTracking", "delay", "de", "SM0123456789abcdef0123456789abcdef", sentAt);

        await bus.Publish(sent);
        await bus.Publish(sent);
        await bus.Publish(new AlertDeliveryUpdated(alertId, "acme", number, [shipmentId], AlertChannel.Sms, AlertDeliveryStatus.Sent, null, sentAt.AddSeconds(1)));
        await bus.Publish(new AlertDeliveryUpdated(alertId, "acme", number, [shipmentId], AlertChannel.Sms, AlertDeliveryStatus.Undelivered, "30003", sentAt.AddSeconds(5)));
        await bus.Publish(new AlertDeliveryUpdated(alertId, "acme", number, [shipmentId], AlertChannel.Sms, AlertDeliveryStatus.Undelivered, "30003", sentAt.AddSeconds(5)));

        var details = await Eventually.Get(
            () => platform.TimelineClient().GetFromJsonAsync<Shipping.Contracts.Api.ShipmentDetails>($"/api/shipments/{shipmentId}", PlatformFixture.Json),
            d => d?.Alerts is [{ Status: AlertDeliveryStatus.Undelivered }], "the alert and its last status on the shipment",
            describe: d => string.Join(", ", d?.Alerts?.Select(a => $"{a.AlertId}:{a.Status}") ?? []));
        var alert = Assert.Single(details.Alerts!);
        Assert.Equal((alertId, AlertChannel.Sms, "Delayed:StaleTracking", "de", "30003"), (alert.AlertId, alert.Channel, alert.Trigger, alert.Language, alert.ErrorCode));

        var history = (await platform.TimelineClient().GetFromJsonAsync<OrderHistory>($"/api/orders/{number}/history", PlatformFixture.Json))!.Rows;
        Assert.Equal(1, history.Count(r => r.Kind == TimelineRowKind.AlertSent));
        Assert.Equal(
            ["SMS alert sent.", "SMS alert undelivered (error 30003)."],
            history.Where(r => r.Kind == TimelineRowKind.AlertStatus).OrderBy(r => r.At).Select(r => r.Summary).ToArray());
        Assert.All(history.Where(r => r.Kind is TimelineRowKind.AlertSent), r => Assert.Equal("notifications", r.Actor));
    }
}
