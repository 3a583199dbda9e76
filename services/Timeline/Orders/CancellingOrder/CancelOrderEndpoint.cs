using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Timeline.Shipments;
using Shipping.Timeline.Tenancy;

namespace Shipping.Timeline.Orders.CancellingOrder;

public static class CancelOrderEndpoint
{
    public static RouteGroupBuilder MapCancelOrder(this RouteGroupBuilder orders)
    {
        orders.MapPost("/{orderNumber}/cancel", CancelAsync)
            .WithName("CancelOrder")
            .WithSummary("Cancels an order: its shipments stay in the record but are no longer watched for delays. Cancelling again changes nothing.");
        return orders;
    }

    private static async Task<Results<Ok<OrderCancellation>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        string orderNumber, CancelOrderRequest? request, HttpContext http, IDocumentStore store, TimeProvider time, CancellationToken ct)
    {
        if (request?.Reason is { Length: > 500 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["At most 500 characters."] });
        }

        await using var session = store.LightweightSession(http.User.TenantId());
        var order = await session.Events.FetchForWriting<OrderDetails>(OrderDetails.IdFor(orderNumber.Trim()), ct);
        if (order.Aggregate is not { } details)
        {
            return OrderProblems.NotFound(orderNumber);
        }

        if (details.CancelledAt is { } cancelledAt)
        {
            return TypedResults.Ok(new OrderCancellation(details.OrderNumber, cancelledAt, details.CancellationReason));
        }

        var now = time.GetUtcNow();
        var reason = string.IsNullOrWhiteSpace(request?.Reason) ? null : request.Reason.Trim();
        order.AppendOne(new OrderCancelled(reason, now));
        foreach (var shipment in details.Shipments)
        {
            session.Events.Append(shipment.ShipmentId, new ShipmentCancelled(now));
        }

        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return OrderProblems.ChangedConcurrently();
        }

        return TypedResults.Ok(new OrderCancellation(details.OrderNumber, now, reason));
    }
}

public sealed record CancelOrderRequest(string? Reason);

public sealed record OrderCancellation(string OrderNumber, DateTimeOffset CancelledAt, string? Reason);
