using Marten;
using MassTransit;
using Shipping.Contracts;

namespace Shipping.Timeline.Shipments.ChangingDelivery;

/// <summary>
/// A delivery change asked for: checked against the shipment as it stands, recorded on its stream, and (through the
/// publishing subscription) sent to the carrier's adapter as <see cref="ChangeDelivery"/>, or refused with a reason.
/// </summary>
public sealed class DeliveryChangeRequestedConsumer(IDocumentStore store, TimeProvider time) : IConsumer<DeliveryChangeRequested>
{
    public async Task Consume(ConsumeContext<DeliveryChangeRequested> context)
    {
        var request = context.Message;
        await using var session = store.LightweightSession(request.TenantId);
        var stream = await session.Events.FetchForWriting<Shipment>(request.ShipmentId, context.CancellationToken);
        if (stream.Aggregate is null)
        {
            return; // no such shipment for this tenant
        }

        // The retailer's own pick-up points count for a parcel-shop change beside the carrier's.
        IReadOnlyCollection<string> retailerShops = request.Kind == DeliveryChangeKind.ParcelShop
            && await session.LoadAsync<Tenancy.Brands.BrandView>(Tenancy.Brands.BrandView.StreamId, context.CancellationToken) is { Brand.ParcelShops: { } shops }
                ? [.. shops.Select(s => s.Id)]
                : [];
        stream.AppendMany(ShipmentDecider.RequestDeliveryChange(stream.Aggregate, request, time.GetUtcNow(), retailerShops));
        await session.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>Records the carrier's answer to a delivery change on the shipment's stream.</summary>
public sealed class DeliveryChangeAnswerConsumer(IDocumentStore store) : IConsumer<DeliveryChangeConfirmed>, IConsumer<DeliveryChangeRejected>
{
    public Task Consume(ConsumeContext<DeliveryChangeConfirmed> context) =>
        RecordAsync(context.Message.TenantId, context.Message.ShipmentId, context.Message.RequestId,
            new DeliveryChangeConfirmedByCarrier(context.Message.RequestId, context.Message.CarrierReference, context.Message.ConfirmedAt), context.CancellationToken);

    public Task Consume(ConsumeContext<DeliveryChangeRejected> context) =>
        RecordAsync(context.Message.TenantId, context.Message.ShipmentId, context.Message.RequestId,
            new DeliveryChangeRefused(context.Message.RequestId, context.Message.Kind, context.Message.Reason, context.Message.SelfServiceUrl,
                ByCarrier: true, context.Message.RejectedAt), context.CancellationToken);

    private async Task RecordAsync(string tenant, Guid shipmentId, Guid requestId, object answer, CancellationToken ct)
    {
        await using var session = store.LightweightSession(tenant);
        var stream = await session.Events.FetchForWriting<Shipment>(shipmentId, ct);
        if (stream.Aggregate is null)
        {
            return;
        }

        stream.AppendMany(ShipmentDecider.RecordCarrierAnswer(stream.Aggregate, requestId, answer));
        await session.SaveChangesAsync(ct);
    }
}

/// <summary>Both consumers write to shipment streams: a concurrent append is retried on the fresh stream.</summary>
public sealed class DeliveryChangeRequestedConsumerDefinition : ConsumerDefinition<DeliveryChangeRequestedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<DeliveryChangeRequestedConsumer> consumer, IRegistrationContext context) =>
        endpoint.UseMessageRetry(RetryOnConflict);

    internal static void RetryOnConflict(IRetryConfigurator retry)
    {
        retry.Intervals(10, 50, 100, 250, 500, 1000, 2000, 5000);
        retry.Handle<JasperFx.ConcurrencyException>();
        retry.Handle<Npgsql.NpgsqlException>();
        retry.Handle<TimeoutException>();
    }
}

public sealed class DeliveryChangeAnswerConsumerDefinition : ConsumerDefinition<DeliveryChangeAnswerConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<DeliveryChangeAnswerConsumer> consumer, IRegistrationContext context) =>
        endpoint.UseMessageRetry(DeliveryChangeRequestedConsumerDefinition.RetryOnConflict);
}
