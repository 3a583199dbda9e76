using JasperFx.Events.Projections;
using Marten;
using Shipping.Timeline.ReadSide.OrderSummaries;
using Shipping.Timeline.ReadSide.Searching;
using Shipping.Timeline.ReadSide.ShipmentDetails;

namespace Shipping.Timeline;

/// <summary>The read side: order summary and search (async projection), shipment details, point-in-time views.</summary>
public static class ReadSideExtensions
{
    public static WebApplicationBuilder AddReadSide(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten(options =>
        {
            options.Projections.Add<OrderSummaryProjection>(ProjectionLifecycle.Async);
            // Search is `SearchKeys.Contains(key)`, which Marten writes as `data @> '{"searchKeys":[key]}'`: a GIN index
            // over the whole document serves that (one over data -> 'searchKeys' would not).
            options.Schema.For<OrderSummaryView>().GinIndexJsonData();
        });
        return builder;
    }

    public static WebApplication MapReadSideApi(this WebApplication app)
    {
        app.MapGroup("/api/orders").RequireAuthorization().WithTags("Orders").MapOrderSummary();
        app.MapGroup("/api/shipments").RequireAuthorization().WithTags("Shipments").MapShipmentDetails();
        app.MapGroup("/api/search").RequireAuthorization().WithTags("Search").MapSearch();
        return app;
    }
}
