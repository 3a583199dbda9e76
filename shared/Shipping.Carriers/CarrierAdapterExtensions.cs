using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shipping.Carriers.Watching;
using Shipping.ServiceDefaults;

namespace Shipping.Carriers;

public static class CarrierAdapterExtensions
{
    /// <summary>
    /// What every carrier adapter needs: its watch list in PostgreSQL (schema named after the carrier) and the bus,
    /// with the consumer that learns which parcels to watch. <paramref name="configureBus"/> adds the adapter's own consumers.
    /// </summary>
    public static TBuilder AddCarrierAdapter<TBuilder>(
        this TBuilder builder, string carrier, Action<IBusRegistrationConfigurator>? configureBus = null)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton(new CarrierIdentity(carrier));
        builder.Services.AddSingleton<ParcelWatchList>();

        builder.AddShippingMarten($"carrier_{carrier}", options =>
            options.Schema.For<WatchedParcel>().UseOptimisticConcurrency(true));

        builder.AddShippingMassTransit(carrier, bus =>
        {
            bus.AddConsumer<WatchShipmentConsumer, WatchShipmentConsumerDefinition>();
            configureBus?.Invoke(bus);
        });

        return builder;
    }
}
