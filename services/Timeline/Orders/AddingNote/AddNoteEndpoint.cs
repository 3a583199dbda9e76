using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Contracts.Api;
using Shipping.Timeline.Tenancy;

namespace Shipping.Timeline.Orders.AddingNote;

/// <summary>
/// A support agent's note on an order (or one of its shipments), on the order's stream. Agents may write anything,
/// so a note counts as personal data: erasure blanks its text.
/// </summary>
public sealed record AgentNoteAdded(Guid NoteId, Guid? ShipmentId, string AgentId, string AgentName, string Text, DateTimeOffset At);

public static class AddNoteEndpoint
{
    public const int MaxTextLength = 2000;
    public const int MaxNameLength = 100;

    public static RouteGroupBuilder MapAddNote(this RouteGroupBuilder orders)
    {
        orders.MapPost("/{orderNumber}/notes", AddAsync)
            .WithName("AddAgentNote")
            .WithSummary("Adds a support agent's note to the order, or to one of its shipments (shipmentId). It shows in the order's history as AgentNote, by agent:{agentName}.");
        return orders;
    }

    private static async Task<Results<Created<AgentNote>, ValidationProblem, ProblemHttpResult>> AddAsync(
        string orderNumber, AddAgentNote note, HttpContext http, IDocumentStore store, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var agentId = Required(note.AgentId, "agentId", MaxNameLength, errors);
        var agentName = Required(note.AgentName, "agentName", MaxNameLength, errors);
        var text = Required(note.Text, "text", MaxTextLength, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The note has invalid fields");
        }

        await using var session = store.LightweightSession(http.User.TenantId());
        var order = await session.Events.FetchForWriting<OrderDetails>(OrderDetails.IdFor(orderNumber.Trim()), ct);
        if (order.Aggregate is not { } details)
        {
            return OrderProblems.NotFound(orderNumber);
        }

        if (note.ShipmentId is { } shipmentId && details.Shipments.All(s => s.ShipmentId != shipmentId))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["shipmentId"] = [$"Not a shipment of order {details.OrderNumber}."] },
                title: "The note has invalid fields");
        }

        var added = new AgentNoteAdded(Guid.NewGuid(), note.ShipmentId, agentId!, agentName!, text!, time.GetUtcNow());
        order.AppendOne(added);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return OrderProblems.ChangedConcurrently();
        }

        return TypedResults.Created($"/api/orders/{Uri.EscapeDataString(details.OrderNumber)}/history",
            new AgentNote(added.NoteId, details.OrderNumber, added.ShipmentId, added.AgentId, added.AgentName, added.Text, added.At));
    }

    private static string? Required(string? value, string field, int max, Dictionary<string, string[]> errors)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length is 0 || trimmed.Length > max)
        {
            errors[field] = [$"Required, at most {max} characters."];
            return null;
        }

        return trimmed;
    }
}
