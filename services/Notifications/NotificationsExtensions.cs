using Marten;
using MassTransit;
using Shipping.Notifications.Alerts;
using Shipping.Notifications.Alerts.RecordingDueAlert;
using Shipping.ServiceDefaults;

namespace Shipping.Notifications;

public static class NotificationsExtensions
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.AddShippingMarten("notifications", options =>
            options.Schema.For<DueAlert>().Index(a => a.ShipmentId));
        builder.AddShippingMassTransit("notifications", bus =>
            bus.AddConsumer<RecordDelayAlertConsumer, RecordDelayAlertConsumerDefinition>());
        builder.Services.AddOpenApi();
        return builder;
    }
}
