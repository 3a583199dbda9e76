using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Shipping.Carriers.DeliveryChanges;
using Shipping.Carriers.Polling;
using Shipping.Carriers.Watching;
using Shipping.ServiceDefaults;

namespace Shipping.Carriers;

public static class CarrierAdapterExtensions
{
    /// <summary>
    /// What every carrier adapter needs: its watch list and poll schedule in PostgreSQL (schema <c>carrier_{name}</c>),
    /// the bus with the consumers that start watching registered shipments and carry out delivery changes, and, when
    /// the adapter registers an <see cref="ICarrierTracker"/> (<see cref="AddCarrierPolling{TTracker}"/>), the poller.
    /// Delivery changes default to <see cref="SelfServiceOnly"/> unless the adapter registers its own <see cref="IDeliveryChanger"/>.
    /// </summary>
    public static TBuilder AddCarrierAdapter<TBuilder>(
        this TBuilder builder, string carrier, string displayName, Action<IBusRegistrationConfigurator>? configureBus = null)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton(new CarrierIdentity(carrier, displayName));
        builder.Services.AddSingleton<ParcelWatchList>();
        builder.Services.TryAddSingleton<IDeliveryChanger>(new SelfServiceOnly(displayName));

        var schema = builder.Configuration["Marten:Schema"] ?? $"carrier_{carrier}";
        builder.Services.AddSingleton(new PollSchedule(builder.Configuration.GetRequiredConnectionString("Postgres"), schema));
        builder.AddShippingMarten(schema, options =>
        {
            options.Schema.For<WatchedParcel>().UseOptimisticConcurrency(true);
            options.Storage.ExtendedSchemaObjects.Add(PollSchedule.Definition(schema));
        });

        builder.AddShippingMassTransit(carrier, bus =>
        {
            bus.AddConsumer<WatchShipmentConsumer, WatchShipmentConsumerDefinition>();
            bus.AddConsumer<ChangeDeliveryConsumer, ChangeDeliveryConsumerDefinition>();
            configureBus?.Invoke(bus);
        });

        return builder;
    }

    /// <summary>
    /// Polls the carrier with <typeparamref name="TTracker"/>, with <paramref name="defaults"/> (the carrier's documented
    /// limits) overridable by configuration <c>Carriers:{Carrier}:Polling</c>.
    /// </summary>
    public static TBuilder AddCarrierPolling<TBuilder, TTracker>(this TBuilder builder, string configurationSection, Action<PollingOptions> defaults)
        where TBuilder : IHostApplicationBuilder
        where TTracker : class, ICarrierTracker
    {
        var carrier = builder.Services.Single(d => d.ServiceType == typeof(CarrierIdentity)).ImplementationInstance as CarrierIdentity
            ?? throw new InvalidOperationException("Call AddCarrierAdapter before AddCarrierPolling.");
        builder.Services.AddOptions<PollingOptions>(carrier.Name)
            .Configure(defaults)
            .Bind(builder.Configuration.GetSection($"{configurationSection}:Polling"));
        builder.Services.AddSingleton<ICarrierTracker, TTracker>();
        builder.Services.AddHostedService<CarrierPoller>();
        return builder;
    }
}
