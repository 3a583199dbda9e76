using Marten;
using MassTransit;
using Shipping.Contracts;
using Shipping.Notifications.Brands;
using Shipping.Notifications.Shipments;

namespace Shipping.Notifications.Alerts.Deciding;

/// <summary>A delayed shipment owes its customer an alert (once per shipment per delay reason).</summary>
public sealed class DecideDelayAlertConsumer(IDocumentStore store, AlertPlanner planner) : IConsumer<ShipmentDelayed>
{
    public async Task Consume(ConsumeContext<ShipmentDelayed> context)
    {
        var delay = context.Message;
        await using var session = store.LightweightSession();
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
