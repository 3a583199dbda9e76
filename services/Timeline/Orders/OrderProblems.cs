using Microsoft.AspNetCore.Http.HttpResults;

namespace Shipping.Timeline.Orders;

/// <summary>The problem details every order endpoint answers with, worded once.</summary>
public static class OrderProblems
{
    public static ProblemHttpResult NotFound(string orderNumber) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found", detail: $"There is no order {orderNumber}.");

    /// <summary>Another change to the order's stream was saved first (optimistic concurrency): the client may simply retry.</summary>
    public static ProblemHttpResult ChangedConcurrently() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The order changed at the same time",
            detail: "Another change to this order was saved first. Send the request again.");
}
