using Marten;
using MassTransit;
using Shipping.Contracts;
using Shipping.Timeline.Performance;

namespace Shipping.Timeline.Shipments.RecordingCarrierEvent;

/// <summary>
/// Appends a carrier scan to the stream of every shipment of the tenant that uses the tracking number,
/// in one transaction. Concurrent appends to a stream fail optimistically and are retried.
/// </summary>
public sealed class RecordCarrierEventConsumer(IDocumentStore store, TimeProvider time, ILogger<RecordCarrierEventConsumer> logger)
    : IConsumer<TrackingEventObserved>
{
    public async Task Consume(ConsumeContext<TrackingEventObserved> context)
    {
        var scan = context.Message;
        var ct = context.CancellationToken;
        await using var session = store.LightweightSession(scan.TenantId);

        var carrier = scan.Carrier.ToLowerInvariant();
        var shipmentIds = await session.Query<ShipmentView>()
            .Where(s => s.Carrier == carrier && s.TrackingNumber == scan.TrackingNumber)
            .Select(s => s.Id)
            .ToListAsync(ct);
        if (shipmentIds.Count == 0)
        {
            logger.LogInformation("Scan {EventId} from {Carrier} matches no shipment of tenant {Tenant}; ignored", scan.EventId, carrier, scan.TenantId);
            return;
        }

        var now = time.GetUtcNow();
        foreach (var id in shipmentIds)
        {
            var stream = await session.Events.FetchForWriting<Shipment>(id, ct);
            if (stream.Aggregate is null)
            {
                continue;
            }

            // History is read only when this scan could move a prediction (a handover without a carrier estimate).
            var history = ShipmentDecider.NeedsHistory(stream.Aggregate, scan)
                ? await DeliveryHistory.LoadAsync(session, [(stream.Aggregate.Carrier, stream.Aggregate.Route)], ct)
                : null;
            stream.AppendMany(ShipmentDecider.RecordCarrierEvent(stream.Aggregate, scan, now, history));
        }

        await session.SaveChangesAsync(ct);
    }
}

public sealed class RecordCarrierEventConsumerDefinition : ConsumerDefinition<RecordCarrierEventConsumer>
{
    public RecordCarrierEventConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RecordCarrierEventConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        // A losing concurrent writer re-reads the stream and decides again; the database being briefly away is retried too.
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Intervals(10, 50, 100, 250, 500, 1000, 2000, 5000);
            retry.Handle<JasperFx.ConcurrencyException>();
            retry.Handle<Npgsql.NpgsqlException>();
            retry.Handle<TimeoutException>();
        });
}
