using Marten;
using Shipping.Contracts;

namespace Shipping.Timeline.RetailerWebhooks.RecordingDelivery;

/// <summary>
/// Stores a delivery for every status change and delay of a tenant that has a webhook. Called by the outbox
/// (<see cref="Publishing.IntegrationEventPublisher"/>, a Marten subscription run by the async daemon) with the messages
/// a page of stored events became: the deliveries are committed in the same transaction that moves the subscription
/// on, so each stored fact gets exactly one delivery and none is lost in a crash, without another pass over the events
/// and without the message bus; a tenant without a webhook costs nothing. Sending is
/// <see cref="SendingDelivery.WebhookDispatcher"/>'s: nothing here waits for a retailer.
/// </summary>
public sealed class WebhookDeliveryRecorder(RetailerEndpoints endpoints, TimeProvider time)
{
    public async Task RecordAsync(
        IDocumentStore store, IDocumentOperations operations, IEnumerable<(string Tenant, object Message)> published, CancellationToken ct)
    {
        var webhooks = published
            .Where(p => endpoints.TryGet(p.Tenant, out _))
            .Select(p => (p.Tenant, Payload: p.Message switch
            {
                ShipmentStatusChanged m => WebhookPayload.For(m),
                ShipmentDelayed m => WebhookPayload.For(m),
                _ => default((Guid Id, string Type, string Body)?),
            }))
            .Where(w => w.Payload is not null)
            .ToList();
        if (webhooks.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var tenant in webhooks.GroupBy(w => w.Tenant))
        {
            // A page is committed with its deliveries, so it is seen once; should it be seen again (a rewound
            // subscription), the deliveries already there are kept as they are instead of being sent again.
            await using var session = store.QuerySession(tenant.Key);
            var ids = tenant.Select(w => w.Payload!.Value.Id).ToArray();
            var existing = (await session.Query<WebhookDelivery>().Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
            var writes = operations.ForTenant(tenant.Key);
            foreach (var (id, type, body) in tenant.Select(w => w.Payload!.Value).Where(p => !existing.Contains(p.Id)))
            {
                writes.Insert(new WebhookDelivery
                {
                    Id = id, TenantId = tenant.Key, Type = type, Body = body, State = DeliveryState.Pending, NextAttemptAt = now, CreatedAt = now,
                });
            }
        }
    }
}
