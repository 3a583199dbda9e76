using Marten;
using MassTransit;
using Shipping.Contracts;

namespace Shipping.Notifications.Shipments;

/// <summary>
/// Keeps the dates the carrier offers for a shipment (<see cref="DeliveryOptionsOffered"/>), so alerts offer only what
/// Timeline will accept: once per offer, and only when it is newer than the one kept, so a late redelivery never brings an
/// old offer back. Another carrier's offer for the shipment is ignored, as Timeline ignores it.
/// </summary>
public sealed class DeliveryOptionsOfferedConsumer(IDocumentStore store) : IConsumer<DeliveryOptionsOffered>
{
    public async Task Consume(ConsumeContext<DeliveryOptionsOffered> context)
    {
        var offer = context.Message;
        await using var session = store.LightweightSession();
        var shipment = await ShipmentTracking.LoadOrCreateAsync(session, offer.TenantId, offer.ShipmentId, "", offer.Carrier, offer.TrackingNumber,
            context.CancellationToken);
        if (shipment.OfferId == offer.OfferId || shipment.OfferedAt >= offer.OfferedAt
            || !string.Equals(shipment.Carrier, offer.Carrier, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        shipment.OfferId = offer.OfferId;
        shipment.OfferedAt = offer.OfferedAt;
        shipment.OfferedDates = [.. offer.Dates.Distinct().Order()];
        session.Store(shipment);
        await session.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class DeliveryOptionsOfferedConsumerDefinition : ConsumerDefinition<DeliveryOptionsOfferedConsumer>
{
    public DeliveryOptionsOfferedConsumerDefinition() => ConcurrentMessageLimit = 1;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<DeliveryOptionsOfferedConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(NotificationsRetry.Configure);
}
