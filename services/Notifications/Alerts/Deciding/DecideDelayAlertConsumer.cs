using Marten;
using MassTransit;
using Shipping.Contracts;
using Shipping.Notifications.Brands;
using Shipping.Notifications.Shipments;

namespace Shipping.Notifications.Alerts.Deciding;

/// <summary>
/// A delayed shipment owes its customer an alert (once per shipment per delay reason). The delay itself is kept as a
/// <see cref="DueAlert"/>, keyed by its id, as Notifications received it.
/// </summary>
public sealed class DecideDelayAlertConsumer(IDocumentStore store, AlertPlanner planner, TimeProvider time, ILogger<DecideDelayAlertConsumer> logger)
    : IConsumer<ShipmentDelayed>
{
    public async Task Consume(ConsumeContext<ShipmentDelayed> context)
    {
        var delay = context.Message;
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<DueAlert>(delay.DelayId, context.CancellationToken) is null)
        {
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
            logger.LogInformation("Delay alert due for shipment {ShipmentId} ({Reason})", delay.ShipmentId, delay.Reason);
        }

        var shipment = await ShipmentTracking.LoadOrCreateAsync(session, delay.TenantId, delay.ShipmentId, delay.OrderNumber, delay.Carrier, delay.TrackingNumber, context.CancellationToken);
        if (delay.NewEstimate is not null)
        {
            shipment.Estimate = delay.NewEstimate;
        }

        shipment.PromisedDeliveryDate ??= delay.PromisedDeliveryDate;
        session.Store(shipment);
        var subject = new AlertSubject(delay.ShipmentId, AlertReason.Delayed, $"Delayed:{delay.Reason}", delay.DelayId, delay.Reason, delay.NewEstimate);
        var planned = await planner.PlanAsync(session, delay.TenantId, delay.OrderNumber, AlertFamily.Problem, subject,
            $"shipment:{delay.ShipmentId}:Delayed:{delay.Reason}", context.CancellationToken);
        if (planned is null)
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
    }
}

public sealed class DecideDelayAlertConsumerDefinition : ConsumerDefinition<DecideDelayAlertConsumer>
{
    public DecideDelayAlertConsumerDefinition() => ConcurrentMessageLimit = 4;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<DecideDelayAlertConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(NotificationsRetry.Configure);
}
