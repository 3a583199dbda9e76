using JasperFx.Events.Projections;
using Marten;
using Weasel.Postgresql.Tables;
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
            // Search is `search_keys @> array[key]` (SearchEndpoint) over a column of its own with a GIN index
            // of only the keys: the summary is rewritten on every status change, and a GIN index over the whole document
            // would be rewritten with every one of its values each time.
            options.Schema.For<OrderSummaryView>().Duplicate(o => o.SearchKeys, pgType: "text[]", configure: index => index.Method = IndexMethod.gin);
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
