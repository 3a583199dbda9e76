using Marten;
using Marten.Exceptions;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Timeline.Performance;
using Shipping.Timeline.Shipments;
using Shipping.Timeline.Tenancy;

namespace Shipping.Timeline.Orders.RegisteringOrder;

public static class RegisterOrderEndpoint
{
    public static RouteGroupBuilder MapRegisterOrder(this RouteGroupBuilder orders)
    {
        orders.MapPost("/", RegisterAsync)
            .WithName("RegisterOrder")
            .WithSummary("Registers an order with its shipments. Registering the same order again changes nothing; a different one under the same number is a conflict.");
        return orders;
    }

    private static async Task<Results<Created<OrderRegistration>, Ok<OrderRegistration>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterOrderRequest request, HttpContext http, IDocumentStore store, TimeProvider time, CancellationToken ct)
    {
        var (command, errors) = RegisterOrder.From(request);
        if (command is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The order has invalid fields");
        }

        var tenant = http.User.TenantId();
        var orderId = OrderDetails.IdFor(command.OrderNumber);
        var location = $"/api/orders/{Uri.EscapeDataString(command.OrderNumber)}";

        await using (var session = store.LightweightSession(tenant))
        {
            var existing = await session.LoadAsync<OrderDetails>(orderId, ct);
            if (existing is not null)
            {
                return Repeated(existing, command);
            }

            var now = time.GetUtcNow();
            var shipments = command.Shipments
                .Select(s => new OrderShipment(ShipmentView.IdFor(command.OrderNumber, s.Carrier, s.TrackingNumber), s.Carrier, s.TrackingNumber, s.Service, s.Origin))
                .ToList();
            // The tenant's delivery history for these routes, in one round trip: a prediction from it beats the promise.
            var history = await DeliveryHistory.LoadAsync(
                session, shipments.Select(s => (s.Carrier, (ShipmentRoute?)OrderDetails.RouteOf(s, command.DeliveryAddress))), ct);
            session.Events.StartStream(orderId, new OrderRegistered(
                command.OrderNumber, command.Customer, command.PromisedDeliveryDate, shipments, now, command.DeliveryAddress, command.PromisedFrom));
            foreach (var shipment in shipments)
            {
                session.Events.StartStream<Shipment>(shipment.ShipmentId, OrderDetails.OpenShipment(
                    command.OrderNumber, command.Customer, command.PromisedDeliveryDate, command.PromisedFrom, command.DeliveryAddress, shipment, now, history));
            }

            try
            {
                await session.SaveChangesAsync(ct);
                return TypedResults.Created(location, OrderRegistration.From(command.OrderNumber, shipments));
            }
            catch (ExistingStreamIdCollisionException)
            {
                // The same order registered twice at once: the other request won; answer as for a repeat.
            }
        }

        await using var reader = store.QuerySession(tenant);
        var winner = await reader.LoadAsync<OrderDetails>(orderId, ct);
        return winner is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The order is being registered by another request")
            : Repeated(winner, command);
    }

    private static Results<Created<OrderRegistration>, Ok<OrderRegistration>, ValidationProblem, ProblemHttpResult> Repeated(OrderDetails existing, RegisterOrder command)
    {
        if (existing.ErasedAt is { } erasedAt)
        {
            // Taking the registration again would store the person's data again: the erasure stands.
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The order's personal data was erased",
                detail: $"The customer's personal data of order {existing.OrderNumber} was erased on request at {erasedAt:O}; it is not registered again. " +
                    "Register a new order under a new number.");
        }

        var same = existing.Customer == command.Customer
            && existing.PromisedDeliveryDate == command.PromisedDeliveryDate
            && existing.PromisedFrom == command.PromisedFrom
            && existing.DeliveryAddress == command.DeliveryAddress
            && existing.Shipments.Select(s => (s.Carrier, s.TrackingNumber, s.Service, s.Origin)).Order()
                .SequenceEqual(command.Shipments.Select(s => (s.Carrier, s.TrackingNumber, s.Service, s.Origin)).Order());
        return same
            ? TypedResults.Ok(OrderRegistration.From(existing.OrderNumber, existing.Shipments))
            : TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Order already registered with different details",
                detail: $"Order {existing.OrderNumber} was registered before with another customer, address, promise or shipments. Add shipments to it instead of registering it again.");
    }
}

public sealed record OrderRegistration(string OrderNumber, IReadOnlyList<RegisteredShipment> Shipments)
{
    public static OrderRegistration From(string orderNumber, IEnumerable<OrderShipment> shipments) =>
        new(orderNumber, shipments.Select(s => new RegisteredShipment(s.ShipmentId, s.Carrier, s.TrackingNumber)).ToList());
}

public sealed record RegisteredShipment(Guid ShipmentId, string Carrier, string TrackingNumber);
