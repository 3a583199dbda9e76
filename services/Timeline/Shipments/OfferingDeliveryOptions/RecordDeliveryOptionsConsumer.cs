using Marten;
using MassTransit;
using Shipping.Contracts;
using Shipping.Timeline.Shipments.ChangingDelivery;

namespace Shipping.Timeline.Shipments.OfferingDeliveryOptions;

/// <summary>
/// Records what a carrier offers for a shipment (<see cref="DeliveryOptionsOffered"/>) on its stream: once per offer,
/// and only when it is newer than the offer recorded, so a late redelivery never brings an old offer back.
/// </summary>
public sealed class RecordDeliveryOptionsConsumer(IDocumentStore store) : IConsumer<DeliveryOptionsOffered>
{
    public async Task Consume(ConsumeContext<DeliveryOptionsOffered> context)
    {
        var offer = context.Message;
        await using var session = store.LightweightSession(offer.TenantId);
        var stream = await session.Events.FetchForWriting<Shipment>(offer.ShipmentId, context.CancellationToken);
        if (stream.Aggregate is null || !string.Equals(stream.Aggregate.Carrier, offer.Carrier, StringComparison.OrdinalIgnoreCase))
        {
            return; // no such shipment for this tenant, or another carrier's
        }

        stream.AppendMany(ShipmentDecider.RecordDeliveryOptions(stream.Aggregate, offer));
        await session.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class RecordDeliveryOptionsConsumerDefinition : ConsumerDefinition<RecordDeliveryOptionsConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<RecordDeliveryOptionsConsumer> consumer, IRegistrationContext context) =>
        endpoint.UseMessageRetry(DeliveryChangeRequestedConsumerDefinition.RetryOnConflict);
}
