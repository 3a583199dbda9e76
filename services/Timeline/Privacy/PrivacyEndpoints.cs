using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Contracts.Api;
using Shipping.Timeline.Orders;
using Shipping.Timeline.Privacy.Erasing;
using Shipping.Timeline.Privacy.Exporting;
using Shipping.Timeline.Tenancy;

namespace Shipping.Timeline.Privacy;

/// <summary>
/// The customer's rights over their data, for the retailer's systems and the support console: a copy of everything
/// held (export) and erasure. A customer is named in the request body, never in the URL, so an email or a phone does
/// not end up in access logs or traces; answers never repeat it in a problem's text either.
/// </summary>
public static class PrivacyEndpoints
{
    public static RouteGroupBuilder MapOrderPrivacy(this RouteGroupBuilder orders)
    {
        orders.MapPost("/{orderNumber}/erasure", EraseOrderAsync)
            .WithName("EraseOrderCustomerData")
            .WithSummary("Erases the personal data of the order's customer (name, email, phone, addresses, delivery-change details) from the read models and the stored events. The carrier history stays. Erasing again changes nothing.");
        orders.MapGet("/{orderNumber}/export", ExportOrderAsync)
            .WithName("ExportOrderCustomerData")
            .WithSummary("Everything held about the order's customer, as JSON: contact, consent, address, shipments, their scans, delivery changes and history.");
        return orders;
    }

    public static RouteGroupBuilder MapCustomerPrivacy(this RouteGroupBuilder customers)
    {
        customers.MapPost("/erasure", EraseCustomerAsync)
            .WithName("EraseCustomerData")
            .WithSummary("Erases the personal data of every order of the customer named by email or phone (international form). 404 when no order holds them.");
        customers.MapPost("/export", ExportCustomerAsync)
            .WithName("ExportCustomerData")
            .WithSummary("Everything held about the customer named by email or phone, every order of theirs, as JSON. 404 when no order holds them.");
        return customers;
    }

    private static async Task<Results<Ok<CustomerErasure>, ProblemHttpResult>> EraseOrderAsync(
        string orderNumber, HttpContext http, CustomerDataEraser eraser, CancellationToken ct) =>
        await eraser.EraseAsync(http.User.TenantId(), orderNumber, ct) is { } erasure
            ? TypedResults.Ok(new CustomerErasure([ToContract(erasure)]))
            : OrderProblems.NotFound(orderNumber);

    private static async Task<Results<Ok<CustomerErasure>, ValidationProblem, ProblemHttpResult>> EraseCustomerAsync(
        CustomerLookup request, HttpContext http, IDocumentStore store, CustomerDataEraser eraser, CancellationToken ct)
    {
        var (key, errors) = CustomerKey.From(request.Email, request.Phone);
        if (key is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The customer is not named");
        }

        var tenant = http.User.TenantId();
        IReadOnlyList<OrderDetails> orders;
        await using (var session = store.QuerySession(tenant))
        {
            orders = await key.FindOrdersAsync(session, ct);
        }

        if (orders.Count == 0)
        {
            return NoSuchCustomer();
        }

        var erased = new List<ErasedOrder>();
        foreach (var order in orders)
        {
            if (await eraser.EraseAsync(tenant, order.OrderNumber, ct) is { } erasure)
            {
                erased.Add(ToContract(erasure));
            }
        }

        return TypedResults.Ok(new CustomerErasure(erased));
    }

    private static async Task<Results<Ok<CustomerDataExport>, ProblemHttpResult>> ExportOrderAsync(
        string orderNumber, HttpContext http, IDocumentStore store, TimeProvider time, CancellationToken ct)
    {
        await using var session = store.QuerySession(http.User.TenantId());
        var order = await session.LoadAsync<OrderDetails>(OrderDetails.IdFor(orderNumber.Trim()), ct);
        return order is null
            ? OrderProblems.NotFound(orderNumber)
            : TypedResults.Ok(await CustomerDataExporter.ExportAsync(session, [order], time.GetUtcNow(), ct));
    }

    private static async Task<Results<Ok<CustomerDataExport>, ValidationProblem, ProblemHttpResult>> ExportCustomerAsync(
        CustomerLookup request, HttpContext http, IDocumentStore store, TimeProvider time, CancellationToken ct)
    {
        var (key, errors) = CustomerKey.From(request.Email, request.Phone);
        if (key is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The customer is not named");
        }

        await using var session = store.QuerySession(http.User.TenantId());
        var orders = await key.FindOrdersAsync(session, ct);
        return orders.Count == 0
            ? NoSuchCustomer()
            : TypedResults.Ok(await CustomerDataExporter.ExportAsync(session, orders, time.GetUtcNow(), ct));
    }

    private static ErasedOrder ToContract(OrderErasure erasure) =>
        new(erasure.OrderNumber, erasure.ErasureId, erasure.ErasedAt, erasure.AlreadyErased);

    /// <summary>Deliberately without the email or phone asked for.</summary>
    private static ProblemHttpResult NoSuchCustomer() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Customer not found",
            detail: "No order of yours holds this email or phone (an erased customer's is no longer held).");
}
