using Marten;
using MassTransit;
using Shipping.Contracts;
using Shipping.Timeline.Shipments.ChangingDelivery;

namespace Shipping.Timeline.Shipments.RecordingAlerts;

/// <summary>
/// Records the alerts Notifications sent, and what their providers reported, on every shipment they were about, so the
/// order's timeline shows support agents what the customer was told and whether it arrived.
/// </summary>
public sealed class RecordAlertConsumer(IDocumentStore store) : IConsumer<AlertSent>, IConsumer<AlertDeliveryUpdated>
{
    public Task Consume(ConsumeContext<AlertSent> context) =>
        RecordAsync(context.Message.TenantId, context.Message.ShipmentIds, shipment => ShipmentDecider.RecordAlert(shipment, context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<AlertDeliveryUpdated> context) =>
        RecordAsync(context.Message.TenantId, context.Message.ShipmentIds, shipment => ShipmentDecider.RecordAlertStatus(shipment, context.Message), context.CancellationToken);

    private async Task RecordAsync(string tenant, IReadOnlyList<Guid> shipmentIds, Func<Shipment, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        await using var session = store.LightweightSession(tenant);
        foreach (var id in shipmentIds.Distinct())
        {
            var stream = await session.Events.FetchForWriting<Shipment>(id, ct);
            if (stream.Aggregate is not null)
            {
                stream.AppendMany(decide(stream.Aggregate));
            }
        }

        await session.SaveChangesAsync(ct);
    }
}

public sealed class RecordAlertConsumerDefinition : ConsumerDefinition<RecordAlertConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<RecordAlertConsumer> consumer, IRegistrationContext context) =>
        endpoint.UseMessageRetry(DeliveryChangeRequestedConsumerDefinition.RetryOnConflict);
}
