using Marten;
using MassTransit;
using Shipping.Contracts;
using Shipping.Notifications.Alerts;
using Shipping.Notifications.Brands;

namespace Shipping.Notifications.Replies;

/// <summary>The carrier's answer to a change the customer asked for by reply goes back to them, on the channel they used.</summary>
public sealed class DeliveryChangeAnswerConsumer(IDocumentStore store, TimeProvider time) : IConsumer<DeliveryChangeConfirmed>, IConsumer<DeliveryChangeRejected>
{
    public Task Consume(ConsumeContext<DeliveryChangeConfirmed> context) =>
        AnswerAsync(context.Message.TenantId, context.Message.RequestId, true, null, null, context.CancellationToken);

    public Task Consume(ConsumeContext<DeliveryChangeRejected> context) =>
        AnswerAsync(context.Message.TenantId, context.Message.RequestId, false, context.Message.Reason, context.Message.SelfServiceUrl, context.CancellationToken);

    private async Task AnswerAsync(string tenantId, Guid requestId, bool confirmed, string? reason, string? selfServiceUrl, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var request = await session.LoadAsync<ChangeRequest>(requestId, ct);
        if (request is null || request.TenantId != tenantId)
        {
            return; // asked for elsewhere (tracking page, support): not ours to answer
        }

        var key = $"answer:{requestId}";
        var claimId = AlertClaim.IdFor(tenantId, key);
        if (await session.LoadAsync<AlertClaim>(claimId, ct) is not null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var alert = new Alert
        {
            Id = StableIds.From("notifications-alert", tenantId, key),
            TenantId = tenantId,
            OrderNumber = request.OrderNumber,
            Family = AlertFamily.DeliveryChange,
            Subjects = [new AlertSubject(request.ShipmentId, AlertReason.Delayed, confirmed ? "DeliveryChangeConfirmed" : "DeliveryChangeRejected", requestId, null, null)],
            Channel = request.Channel,
            Answer = new ChangeAnswer(requestId, request.Kind, confirmed, reason, selfServiceUrl, request.Date),
            IdempotencyKey = key,
            CreatedAt = now,
            DueAt = now,
            History = [new AlertStatusEntry(AlertState.Pending, now, null, null)],
        };
        request.AnsweredAt = now;
        session.Store(request);
        session.Insert(alert);
        session.Insert(new AlertClaim { Id = claimId, TenantId = tenantId, Key = key, AlertId = alert.Id, ClaimedAt = now });
        await session.SaveChangesAsync(ct);
    }
}

public sealed class DeliveryChangeAnswerConsumerDefinition : ConsumerDefinition<DeliveryChangeAnswerConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<DeliveryChangeAnswerConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(NotificationsRetry.Configure);
}
