using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Contracts.Api;
using Shipping.Timeline.Orders;
using Shipping.Timeline.Tenancy;

namespace Shipping.Timeline.ReadSide.OrderSummaries;

public static class OrderSummaryEndpoint
{
    public static RouteGroupBuilder MapOrderSummary(this RouteGroupBuilder orders)
    {
        orders.MapGet("/{orderNumber}", GetAsync)
            .WithName("GetOrder")
            .WithSummary("The order with every shipment's status, estimate and delay flag. Built asynchronously: it may lag a scan by a moment.");
        return orders;
    }

    private static async Task<Results<Ok<OrderSummary>, ProblemHttpResult>> GetAsync(
        string orderNumber, HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession(http.User.TenantId());
        var summary = await session.LoadAsync<OrderSummaryView>(OrderDetails.IdFor(orderNumber.Trim()), ct);
        return summary is null
            ? OrderProblems.NotFound(orderNumber)
            : TypedResults.Ok(summary.ToContract());
    }
}
