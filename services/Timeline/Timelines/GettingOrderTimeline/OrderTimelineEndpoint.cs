using System.Linq.Expressions;
using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Contracts;
using Shipping.Timeline.Orders;
using Shipping.Timeline.Shipments;
using Shipping.Timeline.Tenancy;

namespace Shipping.Timeline.Timelines.GettingOrderTimeline;

public static class OrderTimelineEndpoint
{
    public static RouteGroupBuilder MapOrderTimeline(this RouteGroupBuilder orders)
    {
        orders.MapGet("/{orderNumber}/timeline", GetAsync)
            .WithName("GetOrderTimeline")
            .WithSummary("The order's shipments with their current status and their carrier events in time order.");
        return orders;
    }

    private static async Task<Results<Ok<OrderTimeline>, ProblemHttpResult>> GetAsync(
        string orderNumber, HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        // One round trip: the order and its shipments' views (found by order number, kept to the order's own shipments).
        await using var session = store.QuerySession(http.User.TenantId());
        var number = orderNumber.Trim();
        var batch = session.CreateBatchQuery();
        var loadingOrder = batch.Load<OrderDetails>(OrderDetails.IdFor(number));
        var loadingShipments = batch.Query(new ShipmentViewsOfOrder { OrderNumber = number });
        await batch.Execute(ct);
        var order = await loadingOrder;
        if (order is null)
        {
            return OrderProblems.NotFound(orderNumber);
        }

        var ids = order.Shipments.Select(s => s.ShipmentId).ToArray();
        var shipments = (await loadingShipments).Where(s => ids.Contains(s.Id));
        return TypedResults.Ok(new OrderTimeline(
            order.OrderNumber,
            order.PromisedDeliveryDate,
            order.RegisteredAt,
            shipments.OrderBy(s => Array.IndexOf(ids, s.Id)).Select(ShipmentTimeline.From).ToList()));
    }
}

/// <summary>The views of an order's shipments, by order number (indexed); compiled once, not parsed per request.</summary>
public sealed class ShipmentViewsOfOrder : ICompiledListQuery<ShipmentView>
{
    public string OrderNumber { get; set; } = "";

    public Expression<Func<IMartenQueryable<ShipmentView>, IEnumerable<ShipmentView>>> QueryIs() =>
        views => views.Where(s => s.OrderNumber == OrderNumber);
}

public sealed record OrderTimeline(string OrderNumber, DateOnly? PromisedDeliveryDate, DateTimeOffset RegisteredAt, IReadOnlyList<ShipmentTimeline> Shipments);

public sealed record ShipmentTimeline(
    Guid ShipmentId, string Carrier, string TrackingNumber, TrackingStatus Status, TrackingSubstatus Substatus,
    DeliveryEstimate? CarrierEstimate, IReadOnlyList<TimelineEntry> Events, IReadOnlyList<DelayEntry> Delays,
    IReadOnlyList<DeliveryChangeEntry> DeliveryChanges, ExpectedDeliveryEntry? ExpectedDelivery,
    IReadOnlyList<ExpectedDeliveryEntry> ExpectedDeliveryRevisions, IReadOnlyList<AlertEntry> Alerts)
{
    public static ShipmentTimeline From(ShipmentView view) =>
        new(view.Id, view.Carrier, view.TrackingNumber, view.Status, view.Substatus, view.CarrierEstimate, view.Events, view.Delays, view.DeliveryChanges,
            view.ExpectedDelivery, view.ExpectedDeliveryRevisions, view.Alerts);
}
