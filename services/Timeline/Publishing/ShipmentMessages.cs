using JasperFx.Events;
using Marten;
using Shipping.Contracts;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.Publishing;

/// <summary>What a message about a shipment needs of it: its order, carrier and tracking number (not the whole view).</summary>
public sealed record ShipmentKeys(Guid Id, string OrderNumber, string Carrier, string TrackingNumber)
{
    /// <summary>The keys of the shipments the events are about, per tenant and stream, from their inline views (one query per tenant).</summary>
    public static async Task<Dictionary<(string Tenant, Guid Stream), ShipmentKeys>> LoadAsync(
        IDocumentStore store, IEnumerable<IEvent> events, CancellationToken ct)
    {
        var found = new Dictionary<(string, Guid), ShipmentKeys>();
        foreach (var tenant in events.GroupBy(e => e.TenantId))
        {
            await using var session = store.QuerySession(tenant.Key);
            var ids = tenant.Select(e => e.StreamId).Distinct().ToArray();
            var views = await session.Query<ShipmentView>()
                .Where(v => ids.Contains(v.Id))
                .Select(v => new { v.Id, v.OrderNumber, v.Carrier, v.TrackingNumber })
                .ToListAsync(ct);
            foreach (var view in views)
            {
                found[(tenant.Key, view.Id)] = new ShipmentKeys(view.Id, view.OrderNumber, view.Carrier, view.TrackingNumber);
            }
        }

        return found;
    }
}

/// <summary>
/// The Shipping.Contracts message a stored shipment event becomes, if any: what the outbox publishes and what a
/// retailer's webhook carries (stored events are never sent as they are). The message's id is the stored event's.
/// </summary>
public static class ShipmentMessages
{
    public static object? For(IEvent @event, ShipmentKeys shipment) => @event.Data switch
    {
        ShipmentOpened e => new ShipmentRegistered(e.ShipmentId, @event.TenantId, e.OrderNumber, e.Carrier, e.TrackingNumber, e.PromisedDeliveryDate, e.OpenedAt),
        ShipmentCancelled e => new ShipmentWithdrawn(@event.Id, shipment.Id, @event.TenantId, shipment.OrderNumber, shipment.Carrier, shipment.TrackingNumber, e.CancelledAt),
        StatusChanged e => new ShipmentStatusChanged(@event.Id, shipment.Id, @event.TenantId, shipment.OrderNumber, shipment.Carrier, shipment.TrackingNumber,
            e.PreviousStatus, e.Status, e.Substatus, e.OccurredAt, e.CausedByEventId),
        DelayDetected e => new ShipmentDelayed(@event.Id, shipment.Id, @event.TenantId, shipment.OrderNumber, shipment.Carrier, shipment.TrackingNumber,
            e.Reason, e.PromisedDeliveryDate, e.PreviousEstimate, e.NewEstimate, e.DetectedAt),
        // The command to the carrier's adapter (it answers with DeliveryChangeConfirmed or DeliveryChangeRejected).
        DeliveryChangeRecorded e => new ChangeDelivery(e.RequestId, @event.TenantId, shipment.Id, shipment.Carrier, shipment.TrackingNumber,
            e.Kind, e.Details, e.RequestedAt),
        // Refused here, before reaching the carrier: tell whoever asked. (A carrier's refusal was published by its adapter.)
        DeliveryChangeRefused { ByCarrier: false } e => new DeliveryChangeRejected(e.RequestId, @event.TenantId, shipment.Id, shipment.Carrier,
            shipment.TrackingNumber, e.Kind, e.Reason, e.SelfServiceUrl, e.RefusedAt),
        _ => null,
    };
}
