using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Contracts.Api;
using Shipping.Timeline.Orders;
using Shipping.Timeline.Tenancy;

namespace Shipping.Timeline.Timelines.Rows;

public static class OrderHistoryEndpoint
{
    public static RouteGroupBuilder MapOrderHistory(this RouteGroupBuilder orders)
    {
        orders.MapGet("/{orderNumber}/history", GetAsync)
            .WithName("GetOrderHistory")
            .WithSummary("Every fact about the order's shipments, newest first, with who or what said so: the support console's timeline, with agents' notes and the customer's rating (shipmentId empty for facts about the whole order).");
        return orders;
    }

    private static async Task<Results<Ok<OrderHistory>, ProblemHttpResult>> GetAsync(
        string orderNumber, HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession(http.User.TenantId());
        var order = await session.LoadAsync<OrderDetails>(OrderDetails.IdFor(orderNumber.Trim()), ct);
        if (order is null)
        {
            return OrderProblems.NotFound(orderNumber);
        }

        var numbers = order.Shipments.ToDictionary(s => s.ShipmentId, s => s.TrackingNumber);
        var ids = numbers.Keys.ToArray();
        var orderId = order.Id;
        var rows = await session.Query<TimelineRow>()
            .Where(r => r.ShipmentId.IsOneOf(ids) || r.OrderId == orderId)
            .OrderByDescending(r => r.At)
            .ThenByDescending(r => r.RecordedAt)
            .ToListAsync(ct);
        return TypedResults.Ok(new OrderHistory(order.OrderNumber, rows
            .Select(r => new OrderHistoryRow(r.ShipmentId, numbers.GetValueOrDefault(r.ShipmentId, ""), r.At, r.RecordedAt, r.Kind, r.Actor, r.Summary, r.RawCode, r.RawText))
            .ToList()));
    }
}
