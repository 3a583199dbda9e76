using System.Security.Claims;

namespace Shipping.Web.Console;

/// <summary>
/// The audit log's actions of the agent pages: every view of a customer's personal data and every action on an order.
/// The entry's detail says what was done (counts, ids, kinds, outcome), never what was seen.
/// </summary>
public static class ConsoleActions
{
    public const string Searched = "order.searched";
    public const string OrderViewed = "order.viewed";
    public const string AsOfViewed = "shipment.as-of-viewed";
    public const string Exported = "order.exported";
    public const string Erased = "order.erased";
    public const string NoteAdded = "note.added";
    public const string AlertResent = "alert.resent";
    public const string DeliveryChangeRequested = "delivery-change.requested";
    public const string OutboxViewed = "outbox.viewed";

    /// <summary>Writes one entry for the signed-in agent.</summary>
    public static Task RecordAsync(this IAuditLog audit, ClaimsPrincipal agent, TimeProvider time, string tenant, string action,
        string? orderNumber, string? detail, CancellationToken ct) =>
        audit.RecordAsync(new AuditEntry(Guid.NewGuid(), agent.AgentId(), agent.AgentName(), tenant, action, orderNumber, detail, time.GetUtcNow()), ct);
}
