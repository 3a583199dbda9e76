using JasperFx;
using MassTransit;
using Shipping.Contracts;

namespace Shipping.Carriers.Watching;

/// <summary>Starts watching every shipment registered for this adapter's carrier, and stops when one is withdrawn.</summary>
public sealed class WatchShipmentConsumer(ParcelWatchList watchList, CarrierIdentity carrier) : IConsumer<ShipmentRegistered>, IConsumer<ShipmentWithdrawn>
{
    public async Task Consume(ConsumeContext<ShipmentWithdrawn> context)
    {
        if (carrier.Handles(context.Message.Carrier))
        {
            await watchList.UnwatchAsync(context.Message, context.CancellationToken);
        }
    }

    public async Task Consume(ConsumeContext<ShipmentRegistered> context)
    {
        if (!carrier.Handles(context.Message.Carrier))
        {
            return;
        }

        await watchList.WatchAsync(context.Message, context, context.CancellationToken);
    }
}

public sealed class WatchShipmentConsumerDefinition : ConsumerDefinition<WatchShipmentConsumer>
{
    public WatchShipmentConsumerDefinition() => ConcurrentMessageLimit = 8;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<WatchShipmentConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Incremental(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500));
            retry.Handle<JasperFx.ConcurrencyException>();
            retry.Handle<DocumentAlreadyExistsException>();
            retry.Handle<Npgsql.NpgsqlException>();
            retry.Handle<TimeoutException>();
        });
}

/// <summary>The carrier this adapter speaks for, as written in shipments (<c>"simulator"</c>, <c>"dhl"</c>, …), and as people call it.</summary>
public sealed record CarrierIdentity(string Name, string DisplayName)
{
    public bool Handles(string carrier) => string.Equals(carrier, Name, StringComparison.OrdinalIgnoreCase);
}
