using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Shipping.Contracts;
using Shipping.Timeline.Publishing;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.RetailerWebhooks.RecordingDelivery;

/// <summary>
/// Stores a delivery for every status change and delay of a tenant that has a webhook, straight from the event store: a
/// Marten subscription run by the async daemon, whose deliveries are committed in the same transaction as its progress.
/// So each stored fact gets exactly one delivery, none is lost in a crash, and nothing goes through the message bus
/// (a tenant without a webhook costs nothing but reading the page). Sending is <see cref="SendingDelivery.WebhookDispatcher"/>'s:
/// nothing here waits for a retailer, so a slow or down endpoint holds up nothing.
/// </summary>
public sealed class WebhookDeliveryRecorder : SubscriptionBase
{
    public const string SubscriptionName = "retailer-webhooks";

    private readonly IServiceProvider _services;

    public WebhookDeliveryRecorder(IServiceProvider services)
    {
        _services = services;
        Name = SubscriptionName;
        IncludeType<StatusChanged>();
        IncludeType<DelayDetected>();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var endpoints = _services.GetRequiredService<RetailerEndpoints>();
        var events = page.Events.Where(e => endpoints.TryGet(e.TenantId, out _)).ToList();
        if (events.Count == 0)
        {
            return NullChangeListener.Instance;
        }

        var store = _services.GetRequiredService<IDocumentStore>();
        var now = _services.GetRequiredService<TimeProvider>().GetUtcNow();
        var shipments = await ShipmentKeys.LoadAsync(store, events, cancellationToken);
        foreach (var tenant in events.GroupBy(e => e.TenantId))
        {
            // A page is committed with its deliveries, so it is seen once; should it be seen again (a rewound
            // subscription), the deliveries already there are kept as they are instead of being sent again.
            await using var session = store.QuerySession(tenant.Key);
            var ids = tenant.Select(e => e.Id).ToArray();
            var existing = (await session.Query<WebhookDelivery>().Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken))
                .ToHashSet();
            var writes = operations.ForTenant(tenant.Key);
            foreach (var @event in tenant.Where(e => !existing.Contains(e.Id)))
            {
                if (!shipments.TryGetValue((@event.TenantId, @event.StreamId), out var shipment))
                {
                    continue;
                }

                (Guid Id, string Type, string Body)? payload = ShipmentMessages.For(@event, shipment) switch
                {
                    ShipmentStatusChanged m => WebhookPayload.For(m),
                    ShipmentDelayed m => WebhookPayload.For(m),
                    _ => null,
                };
                if (payload is { } webhook)
                {
                    writes.Insert(new WebhookDelivery
                    {
                        Id = webhook.Id, TenantId = tenant.Key, Type = webhook.Type, Body = webhook.Body,
                        State = DeliveryState.Pending, NextAttemptAt = now, CreatedAt = now,
                    });
                }
            }
        }

        return NullChangeListener.Instance;
    }
}
