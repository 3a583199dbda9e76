using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Contracts.Api;
using Shipping.ServiceDefaults;
using Shipping.Timeline.Orders;
using Shipping.Timeline.Tenancy;

namespace Shipping.Timeline.Tracking;

/// <summary>
/// What the customer's tracking page (Web) reads of an order: only platform services may call these (a service key with
/// <c>X-Tenant-Id</c>), never a retailer's key. A lookup answers the same 404 whichever part was wrong, so it cannot tell
/// that an order number exists; Web limits how often a client may try.
/// </summary>
public static class TrackingEndpoints
{
    public static WebApplication MapTrackingApi(this WebApplication app)
    {
        var tracking = app.MapGroup("/api/tracking")
            .RequireAuthorization(policy => policy.RequireClaim(PlatformClaims.Service))
            .WithTags("Tracking page");
        tracking.MapPost("/lookup", LookupAsync)
            .WithName("LookUpOrderForTracking")
            .WithSummary("Platform services only: the order with this number whose delivery postcode or customer email matches; 404 otherwise.");
        tracking.MapGet("/orders/{orderNumber}", GetAsync)
            .WithName("GetTrackedOrder")
            .WithSummary("Platform services only: the order as the customer's tracking page shows it, contact data masked.");
        return app;
    }

    private static readonly ProblemHttpResult NoMatch = TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "No matching order", detail: "No order matches these details.");

    private static async Task<Results<Ok<TrackingLookupResult>, ProblemHttpResult>> LookupAsync(
        TrackingLookup lookup, HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        var orderNumber = lookup.OrderNumber?.Trim() ?? "";
        if (orderNumber.Length is 0 or > 100)
        {
            return NoMatch;
        }

        await using var session = store.QuerySession(http.User.TenantId());
        var order = await session.LoadAsync<OrderDetails>(OrderDetails.IdFor(orderNumber), ct);
        var postcodeMatches = Same(Postcode(lookup.Postcode), Postcode(order?.DeliveryAddress?.PostalCode));
        var emailMatches = Same(lookup.Email?.Trim().ToLowerInvariant(), order?.Customer.Email?.Trim().ToLowerInvariant());
        return order is not null && order.ErasedAt is null && (postcodeMatches | emailMatches)
            ? TypedResults.Ok(new TrackingLookupResult(order.OrderNumber))
            : NoMatch;
    }

    private static async Task<Results<Ok<TrackedOrder>, ProblemHttpResult>> GetAsync(
        string orderNumber, HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession(http.User.TenantId());
        var order = await session.LoadAsync<OrderDetails>(OrderDetails.IdFor(orderNumber.Trim()), ct);
        if (order is null)
        {
            return OrderProblems.NotFound(orderNumber);
        }

        var shipments = await session.LoadManyAsync<Shipments.ShipmentView>(ct, order.Shipments.Select(s => s.ShipmentId).ToArray());
        return TypedResults.Ok(new TrackedOrder(
            order.OrderNumber,
            order.Customer.Locale,
            order.Customer.TimeZone,
            PersonalDataDisplay.MaskEmail(order.Customer.Email),
            PersonalDataDisplay.MaskPhone(order.Customer.Phone),
            order.PromisedDeliveryDate,
            order.RegisteredAt,
            order.CancelledAt,
            order.Shipments.Select(s => s.ShipmentId).ToList(),
            order.Rating,
            Orders.RatingDelivery.RateDeliveryEndpoint.CanRate(order, shipments)));
    }

    private static string? Postcode(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new string(value.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();

    /// <summary>Equal and both present, compared in constant time (hashes, so lengths do not show either).</summary>
    private static bool Same(string? given, string? stored) =>
        !string.IsNullOrEmpty(given) & !string.IsNullOrEmpty(stored)
        & CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given ?? "")), SHA256.HashData(Encoding.UTF8.GetBytes(stored ?? "-")));
}
