using Marten;
using MassTransit;
using Shipping.Contracts;
using Shipping.Notifications.Brands;
using Shipping.Notifications.Shipments;

namespace Shipping.Notifications.Alerts.Deciding;

/// <summary>
/// Follows each shipment's status (a late, older change never moves it back) and decides the status alerts:
/// OutForDelivery, AttemptFail, AvailableForPickup, Delivered and Exception.
/// </summary>
public sealed class DecideStatusAlertConsumer(IDocumentStore store, AlertPlanner planner) : IConsumer<ShipmentStatusChanged>
{
    public async Task Consume(ConsumeContext<ShipmentStatusChanged> context)
    {
        var change = context.Message;
        await using var session = store.LightweightSession();
        var shipment = await ShipmentTracking.LoadOrCreateAsync(session, change.TenantId, change.ShipmentId, change.OrderNumber, change.Carrier, change.TrackingNumber, context.CancellationToken);
        var newer = shipment.StatusAt is null || change.OccurredAt >= shipment.StatusAt;
        if (newer)
        {
            shipment.Status = change.Status;
            shipment.StatusAt = change.OccurredAt;
        }

        session.Store(shipment);
        if (!newer || ReasonFor(change.Status) is not { } reason)
        {
            await session.SaveChangesAsync(context.CancellationToken);
            return;
        }

        var family = reason switch
        {
            AlertReason.OutForDelivery => AlertFamily.OutForDelivery,
            AlertReason.AvailableForPickup => AlertFamily.AvailableForPickup,
            AlertReason.Delivered => AlertFamily.Delivered,
            _ => AlertFamily.Problem,
        };
        var subject = new AlertSubject(change.ShipmentId, reason, change.Status.ToString(), change.ChangeId, null, null);
        var planned = await planner.PlanAsync(session, change.TenantId, change.OrderNumber, family, subject,
            $"shipment:{change.ShipmentId}:{change.Status}", context.CancellationToken);
        if (planned is null)
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
    }

    public static AlertReason? ReasonFor(TrackingStatus status) => status switch
    {
        TrackingStatus.OutForDelivery => AlertReason.OutForDelivery,
        TrackingStatus.AttemptFail => AlertReason.AttemptFail,
        TrackingStatus.AvailableForPickup => AlertReason.AvailableForPickup,
        TrackingStatus.Delivered => AlertReason.Delivered,
        TrackingStatus.Exception => AlertReason.Exception,
        _ => null,
    };
}

public sealed class DecideStatusAlertConsumerDefinition : ConsumerDefinition<DecideStatusAlertConsumer>
{
    public DecideStatusAlertConsumerDefinition() => ConcurrentMessageLimit = 4;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<DecideStatusAlertConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(NotificationsRetry.Configure);
}
