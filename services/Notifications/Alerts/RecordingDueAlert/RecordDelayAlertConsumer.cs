using Marten;
using MassTransit;
using Shipping.Contracts;

namespace Shipping.Notifications.Alerts.RecordingDueAlert;

/// <summary>Records that a delay alert is due. Sending it over SMS or email comes with the channels.</summary>
public sealed class RecordDelayAlertConsumer(IDocumentStore store, TimeProvider time, ILogger<RecordDelayAlertConsumer> logger)
    : IConsumer<ShipmentDelayed>
{
    public async Task Consume(ConsumeContext<ShipmentDelayed> context)
    {
        var delay = context.Message;
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<DueAlert>(delay.DelayId, context.CancellationToken) is not null)
        {
            return; // redelivered
        }

        session.Insert(new DueAlert
        {
            Id = delay.DelayId,
            TenantId = delay.TenantId,
            ShipmentId = delay.ShipmentId,
            OrderNumber = delay.OrderNumber,
            Carrier = delay.Carrier,
            TrackingNumber = delay.TrackingNumber,
            Trigger = AlertTrigger.Delay,
            DelayReason = delay.Reason,
            PromisedDeliveryDate = delay.PromisedDeliveryDate,
            NewEstimate = delay.NewEstimate,
            DueSince = time.GetUtcNow(),
        });
        await session.SaveChangesAsync(context.CancellationToken);
        logger.LogInformation("Delay alert due for shipment {ShipmentId} ({Reason})", delay.ShipmentId, delay.Reason);
    }
}

public sealed class RecordDelayAlertConsumerDefinition : ConsumerDefinition<RecordDelayAlertConsumer>
{
    public RecordDelayAlertConsumerDefinition() => ConcurrentMessageLimit = 8;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RecordDelayAlertConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Intervals(100, 500, 1000, 5000);
            // Two deliveries of one message racing: the loser finds the alert on its retry.
            retry.Handle<JasperFx.DocumentAlreadyExistsException>();
            retry.Handle<Npgsql.NpgsqlException>();
            retry.Handle<TimeoutException>();
        });
}
