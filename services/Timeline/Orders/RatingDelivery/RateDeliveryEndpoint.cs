using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Timeline.Shipments;
using Shipping.Timeline.Tenancy;

namespace Shipping.Timeline.Orders.RatingDelivery;

/// <summary>
/// The customer rated the order's delivery (on the order's stream). Rating again replaces the rating; the one it
/// replaced is carried along, so counts over time take it out again. The comment is the customer's own words:
/// erasure removes it.
/// </summary>
public sealed record DeliveryRated(int Stars, string? Comment, DateTimeOffset RatedAt, int? PreviousStars = null, DateTimeOffset? PreviousRatedAt = null);

public static class RateDeliveryEndpoint
{
    public const int MaxCommentLength = 1000;

    public static RouteGroupBuilder MapRateDelivery(this RouteGroupBuilder orders)
    {
        orders.MapPost("/{orderNumber}/rating", RateAsync)
            .WithName("RateDelivery")
            .WithSummary("The customer rates the order's delivery: 1 to 5 stars and an optional comment (at most 1000 characters). Only once a shipment of the order is delivered (409 before); rating again replaces the rating.");
        return orders;
    }

    /// <summary>Whether the customer may rate: a shipment of the order is delivered and the order's data was not erased.</summary>
    public static bool CanRate(OrderDetails order, IEnumerable<ShipmentView> shipments) =>
        order.ErasedAt is null && shipments.Any(s => s.Status == TrackingStatus.Delivered);

    private static async Task<Results<Ok<DeliveryRating>, ValidationProblem, ProblemHttpResult>> RateAsync(
        string orderNumber, RateDelivery rating, HttpContext http, IDocumentStore store, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (rating.Stars is < 1 or > 5)
        {
            errors["stars"] = ["From 1 to 5."];
        }

        var comment = string.IsNullOrWhiteSpace(rating.Comment) ? null : rating.Comment.Trim();
        if (comment is { Length: > MaxCommentLength })
        {
            errors["comment"] = [$"At most {MaxCommentLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The rating has invalid fields");
        }

        await using var session = store.LightweightSession(http.User.TenantId());
        var order = await session.Events.FetchForWriting<OrderDetails>(OrderDetails.IdFor(orderNumber.Trim()), ct);
        if (order.Aggregate is not { } details)
        {
            return OrderProblems.NotFound(orderNumber);
        }

        var shipments = await session.LoadManyAsync<ShipmentView>(ct, details.Shipments.Select(s => s.ShipmentId).ToArray());
        if (!CanRate(details, shipments))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The delivery cannot be rated yet",
                detail: details.ErasedAt is not null
                    ? "The customer's data was erased for this order; no rating can be recorded."
                    : "A delivery can be rated once a shipment of the order is delivered.");
        }

        var rated = new DeliveryRated(rating.Stars, comment, time.GetUtcNow(), details.Rating?.Stars, details.Rating?.RatedAt);
        order.AppendOne(rated);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return OrderProblems.ChangedConcurrently();
        }

        return TypedResults.Ok(new DeliveryRating(rated.Stars, rated.Comment, rated.RatedAt));
    }
}
