using JasperFx.Events.Projections;
using Marten;
using Shipping.Timeline.ReadSide.Dashboard;
using Shipping.Timeline.ReadSide.OrderSummaries;
using Shipping.Timeline.ReadSide.Searching;
using Shipping.Timeline.ReadSide.ShipmentDetails;

namespace Shipping.Timeline;

/// <summary>The read side: order summary and search (async projection), the dashboard (async, per UTC day), shipment details, point-in-time views.</summary>
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
            options.Projections.AddAsync(new DashboardProjection(), DashboardProjection.Name, DashboardProjection.EventTypes, async =>
            {
                async.DeleteViewTypeOnTeardown<DashboardDay>();
                async.DeleteViewTypeOnTeardown<DashboardShipment>();
                async.DeleteViewTypeOnTeardown<DashboardAlert>();
            });
        });
        return builder;
    }

    public static WebApplication MapReadSideApi(this WebApplication app)
    {
        app.MapGroup("/api/orders").RequireAuthorization().WithTags("Orders").MapOrderSummary();
        app.MapGroup("/api/shipments").RequireAuthorization().WithTags("Shipments").MapShipmentDetails();
        app.MapGroup("/api/search").RequireAuthorization().WithTags("Search").MapSearch();
        app.MapGroup("/api/dashboard").RequireAuthorization().WithTags("Dashboard").MapDashboard();
        return app;
    }
}
