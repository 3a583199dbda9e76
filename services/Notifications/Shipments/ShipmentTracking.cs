using Marten;
using MassTransit;
using Shipping.Contracts;

namespace Shipping.Notifications.Shipments;

public static class ShipmentTracking
{
    /// <summary>The shipment's document, or a new one. A document a carrier's offer created first (it names no order) learns
    /// its order number from the first message that does.</summary>
    public static async Task<TrackedShipment> LoadOrCreateAsync(
        IDocumentSession session, string tenantId, Guid shipmentId, string orderNumber, string carrier, string trackingNumber, CancellationToken ct)
    {
        var shipment = await session.LoadAsync<TrackedShipment>(TrackedShipment.IdFor(tenantId, shipmentId), ct) ?? new TrackedShipment
        {
            Id = TrackedShipment.IdFor(tenantId, shipmentId),
            TenantId = tenantId,
            ShipmentId = shipmentId,
            OrderNumber = orderNumber,
            Carrier = carrier,
            TrackingNumber = trackingNumber,
        };
        if (shipment.OrderNumber.Length == 0)
        {
            shipment.OrderNumber = orderNumber;
        }

        return shipment;
    }
}

/// <summary>Learns a shipment's order, carrier and promised date.</summary>
public sealed class ShipmentRegisteredConsumer(IDocumentStore store) : IConsumer<ShipmentRegistered>
{
    public async Task Consume(ConsumeContext<ShipmentRegistered> context)
    {
        var registered = context.Message;
        await using var session = store.LightweightSession();
        var shipment = await ShipmentTracking.LoadOrCreateAsync(session, registered.TenantId, registered.ShipmentId, registered.OrderNumber,
            registered.Carrier, registered.TrackingNumber, context.CancellationToken);
        shipment.PromisedDeliveryDate = registered.PromisedDeliveryDate;
        session.Store(shipment);
        await session.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class ShipmentRegisteredConsumerDefinition : ConsumerDefinition<ShipmentRegisteredConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ShipmentRegisteredConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(NotificationsRetry.Configure);
}
