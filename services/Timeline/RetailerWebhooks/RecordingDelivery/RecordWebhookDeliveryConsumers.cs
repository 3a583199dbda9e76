using JasperFx;
using Marten;
using MassTransit;
using Shipping.Contracts;

namespace Shipping.Timeline.RetailerWebhooks.RecordingDelivery;

/// <summary>
/// Stores a delivery for a status change, when the tenant has a webhook. Sending is the dispatcher's: the consumer
/// never waits for the retailer, so a slow or down endpoint holds up no queue.
/// </summary>
public sealed class RecordStatusChangedWebhookConsumer(WebhookDeliveryRecorder recorder) : IConsumer<ShipmentStatusChanged>
{
    public Task Consume(ConsumeContext<ShipmentStatusChanged> context)
    {
        var (id, type, body) = WebhookPayload.For(context.Message);
        return recorder.RecordAsync(context.Message.TenantId, id, type, body, context.CancellationToken);
    }
}

/// <summary>Stores a delivery for a detected delay, when the tenant has a webhook.</summary>
public sealed class RecordDelayedWebhookConsumer(WebhookDeliveryRecorder recorder) : IConsumer<ShipmentDelayed>
{
    public Task Consume(ConsumeContext<ShipmentDelayed> context)
    {
        var (id, type, body) = WebhookPayload.For(context.Message);
        return recorder.RecordAsync(context.Message.TenantId, id, type, body, context.CancellationToken);
    }
}

/// <summary>One delivery per message id per tenant: a redelivered message finds it there and adds nothing.</summary>
public sealed class WebhookDeliveryRecorder(IDocumentStore store, RetailerEndpoints endpoints, TimeProvider time, ILogger<WebhookDeliveryRecorder> logger)
{
    public async Task RecordAsync(string tenant, Guid id, string type, string body, CancellationToken ct)
    {
        if (!endpoints.TryGet(tenant, out _))
        {
            return;
        }

        await using var session = store.LightweightSession(tenant);
        if (await session.LoadAsync<WebhookDelivery>(id, ct) is not null)
        {
            logger.LogDebug("Webhook {EventId} for tenant {Tenant} is already recorded", id, tenant);
            return;
        }

        var now = time.GetUtcNow();
        session.Insert(new WebhookDelivery
        {
            Id = id, TenantId = tenant, Type = type, Body = body, State = DeliveryState.Pending, NextAttemptAt = now, CreatedAt = now,
        });
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (DocumentAlreadyExistsException)
        {
            // The same message consumed twice at once: the other one stored it.
        }
    }
}

public sealed class RecordStatusChangedWebhookConsumerDefinition : ConsumerDefinition<RecordStatusChangedWebhookConsumer>
{
    public RecordStatusChangedWebhookConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<RecordStatusChangedWebhookConsumer> consumer, IRegistrationContext context) =>
        endpoint.UseMessageRetry(WebhookRetry.Configure);
}

public sealed class RecordDelayedWebhookConsumerDefinition : ConsumerDefinition<RecordDelayedWebhookConsumer>
{
    public RecordDelayedWebhookConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<RecordDelayedWebhookConsumer> consumer, IRegistrationContext context) =>
        endpoint.UseMessageRetry(WebhookRetry.Configure);
}

internal static class WebhookRetry
{
    /// <summary>The database being briefly away is retried; nothing else can fail here that a retry would fix.</summary>
    public static void Configure(IRetryConfigurator retry)
    {
        retry.Intervals(100, 500, 1000, 2000, 5000);
        retry.Handle<Npgsql.NpgsqlException>();
        retry.Handle<TimeoutException>();
    }
}
