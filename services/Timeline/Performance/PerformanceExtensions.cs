using JasperFx.Events.Projections;
using Marten;
using Shipping.Timeline.Performance;

namespace Shipping.Timeline;

/// <summary>Delivery performance per carrier, service and route (async projection), and its read endpoint.</summary>
public static class PerformanceExtensions
{
    public static WebApplicationBuilder AddDeliveryPerformance(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten(options =>
        {
            options.Projections.AddAsync(new DeliveryPerformanceProjection(), DeliveryPerformanceProjection.Name, DeliveryTransit.EventTypes, async =>
            {
                async.DeleteViewTypeOnTeardown<DeliveryPerformance>();
                async.DeleteViewTypeOnTeardown<DeliveryTransit>();
            });
            options.Schema.For<DeliveryPerformance>().Index(p => p.Carrier);
        });
        return builder;
    }

    public static WebApplication MapPerformanceApi(this WebApplication app)
    {
        app.MapGroup("/api/performance").RequireAuthorization().WithTags("Performance").MapPerformance();
        return app;
    }
}
