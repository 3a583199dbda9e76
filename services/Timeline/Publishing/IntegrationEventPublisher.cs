using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Shipping.Contracts;
using Shipping.ServiceDefaults;
using Shipping.Timeline.Orders;
using Shipping.Timeline.Privacy;
using Shipping.Timeline.RetailerWebhooks.RecordingDelivery;
using Shipping.Timeline.Shipments;
using Shipping.Timeline.Tenancy.Brands;

namespace Shipping.Timeline.Publishing;

/// <summary>
/// Publishes integration events from the event store: a Marten subscription, run by the async daemon, checkpointed
/// after each page. The event store is the outbox: only stored facts go out, and a fact stored before a crash is
/// published after it (at least once; every message carries the stored event's id for consumers to de-duplicate).
/// Stored events are mapped to Shipping.Contracts messages, never published as they are.
/// </summary>
public sealed class IntegrationEventPublisher : SubscriptionBase
{
    private readonly IServiceProvider _services;
    private readonly ILogger<IntegrationEventPublisher> _logger;

    public IntegrationEventPublisher(IServiceProvider services, ILogger<IntegrationEventPublisher> logger)
    {
        _services = services;
        _logger = logger;
        Name = "integration-events";
        IncludeType<OrderRegistered>();
        IncludeType<BrandSet>();
        IncludeType<ShipmentOpened>();
        IncludeType<ShipmentCancelled>();
        IncludeType<StatusChanged>();
        IncludeType<DelayDetected>();
        IncludeType<DeliveryChangeRecorded>();
        IncludeType<DeliveryChangeRefused>();
        IncludeType<CustomerDataErasedRecorded>();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var bus = _services.GetRequiredService<IBus>();
        var store = _services.GetRequiredService<IDocumentStore>();
        var shipments = await ShipmentKeys.LoadAsync(store, page.Events, cancellationToken);
        var published = new List<(string Tenant, object Message)>();

        // A shipment's messages go out in the order they were stored, one at a time; different shipments' side by side
        // (the broker's confirmations are what takes the time). An order's or a brand's message is a barrier: what was
        // stored before it is published before it, and what comes after waits for it (OrderPlaced before the order's
        // ShipmentRegistered, CustomerDataErased after everything before the erasure).
        var batch = new List<(string Tenant, Guid Stream, object Message, Guid EventId)>();
        foreach (var @event in page.Events)
        {
            if (OrderMessage(@event) is { } orderMessage)
            {
                await PublishSideBySideAsync(bus, batch, cancellationToken);
                await PublishUntilDoneAsync(bus, orderMessage, @event.Id, cancellationToken);
                continue;
            }

            if (!shipments.TryGetValue((@event.TenantId, @event.StreamId), out var shipment))
            {
                _logger.LogWarning("No shipment view for stream {StreamId}; event {EventId} not published", @event.StreamId, @event.Id);
                continue;
            }

            var message = ShipmentMessages.For(@event, shipment);
            if (message is not null)
            {
                batch.Add((@event.TenantId, @event.StreamId, message, @event.Id));
                published.Add((@event.TenantId, message));
            }
        }

        await PublishSideBySideAsync(bus, batch, cancellationToken);

        // Retailers' webhooks: stored with this page's progress, so exactly once per fact.
        await _services.GetRequiredService<WebhookDeliveryRecorder>().RecordAsync(store, operations, published, cancellationToken);

        return NullChangeListener.Instance;
    }

    /// <summary>The message an order's or a brand's stream event becomes, if any (they have no shipment view).</summary>
    private static object? OrderMessage(IEvent @event) => @event.Data switch
    {
        // Notifications keeps the contact and consent from it (DESIGN.md: it owns them).
        OrderRegistered e => new OrderPlaced(@event.Id, @event.TenantId, e.OrderNumber,
            new CustomerDetails(e.Customer.Name, e.Customer.Email, e.Customer.Phone, e.Customer.Locale, e.Customer.TimeZone, e.Customer.SmsOptIn, e.Customer.EmailOptIn),
            e.DeliveryAddress, e.RegisteredAt),
        BrandSet e => new BrandConfigured(@event.Id, @event.TenantId, e.Brand, e.SetAt),
        // Every service forgets what it holds about the order's customer.
        CustomerDataErasedRecorded e => new CustomerDataErased(e.ErasureId, @event.TenantId, e.OrderNumber, e.ErasedAt),
        _ => null,
    };

    /// <summary>Shipments publish side by side, each shipment's messages in order; the batch is empty afterwards.</summary>
    private async Task PublishSideBySideAsync(IBus bus, List<(string Tenant, Guid Stream, object Message, Guid EventId)> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxShipmentsPublishing, CancellationToken = ct };
        await Parallel.ForEachAsync(batch.GroupBy(m => (m.Tenant, m.Stream)), options, async (stream, token) =>
        {
            foreach (var (_, _, message, eventId) in stream)
            {
                await PublishUntilDoneAsync(bus, message, eventId, token);
            }
        });
        batch.Clear();
    }

    /// <summary>Shipments whose messages are published at the same time, at most.</summary>
    private const int MaxShipmentsPublishing = 64;

    /// <summary>The broker being away must not skip a message: wait and try again until it is published or the daemon stops.</summary>
    private async Task PublishUntilDoneAsync(IBus bus, object message, Guid eventId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await bus.Publish(message, message.GetType(), context => context.MessageId = eventId, ct);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(attempt, 5))));
                _logger.LogWarning(e, "Publishing {MessageType} for event {EventId} failed (attempt {Attempt}); retrying in {Wait}", message.GetType().Name, eventId, attempt, wait);
                await Task.Delay(wait, ct);
            }
        }
    }
}
