using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Timeline.Orders.RegisteringOrder;
using Shipping.Timeline.Performance;
using Shipping.Timeline.Shipments;
using Shipping.Timeline.Tenancy;

namespace Shipping.Timeline.Orders.AddingShipment;

public static class AddShipmentEndpoint
{
    public static RouteGroupBuilder MapAddShipment(this RouteGroupBuilder orders)
    {
        orders.MapPost("/{orderNumber}/shipments", AddAsync)
            .WithName("AddShipment")
            .WithSummary("Adds a shipment to a registered order. Adding the same shipment again changes nothing.");
        return orders;
    }

    private static async Task<Results<Created<RegisteredShipment>, Ok<RegisteredShipment>, ValidationProblem, ProblemHttpResult>> AddAsync(
        string orderNumber, ShipmentRequest request, HttpContext http, IDocumentStore store, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (carrier, trackingNumber, service, origin) = RegisterOrder.ValidateShipment(request, "shipment", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The shipment has invalid fields");
        }

        await using var session = store.LightweightSession(http.User.TenantId());
        // The order's stream, for writing: a concurrent change to the order makes this save fail instead of losing it.
        var order = await session.Events.FetchForWriting<OrderDetails>(OrderDetails.IdFor(orderNumber.Trim()), ct);
        if (order.Aggregate is not { } details)
        {
            return OrderProblems.NotFound(orderNumber);
        }

        if (details.Shipments.FirstOrDefault(s => s.Carrier == carrier && s.TrackingNumber == trackingNumber) is { } existing)
        {
            return TypedResults.Ok(new RegisteredShipment(existing.ShipmentId, existing.Carrier, existing.TrackingNumber));
        }

        if (details.CancelledAt is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Order cancelled",
                detail: $"Order {details.OrderNumber} was cancelled; no shipment can be added to it.");
        }

        var now = time.GetUtcNow();
        var shipment = new OrderShipment(ShipmentView.IdFor(details.OrderNumber, carrier, trackingNumber), carrier, trackingNumber, service, origin);
        order.AppendOne(new ShipmentAddedToOrder(shipment, now));
        var history = await DeliveryHistory.LoadAsync(session, [(carrier, OrderDetails.RouteOf(shipment, details.DeliveryAddress))], ct);
        session.Events.StartStream<Shipment>(shipment.ShipmentId, details.ErasedAt is { } erasedAt
            ? [.. details.OpenShipment(shipment, now, history), new Privacy.ShipmentPersonalDataErased(details.ErasureId ?? Guid.Empty, erasedAt)]
            : details.OpenShipment(shipment, now, history));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return OrderProblems.ChangedConcurrently();
        }

        return TypedResults.Created($"/api/orders/{Uri.EscapeDataString(details.OrderNumber)}", new RegisteredShipment(shipment.ShipmentId, carrier, trackingNumber));
    }
}
