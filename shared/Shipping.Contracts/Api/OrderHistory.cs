namespace Shipping.Contracts.Api;

/// <summary>What a line of an order's history is about.</summary>
/// <remarks>Stored by name: only append new kinds, never rename one.</remarks>
public enum TimelineRowKind
{
    Registered,
    CarrierScan,
    ExpectedDelivery,
    Delay,
    DeliveryChangeRequested,
    DeliveryChangeConfirmed,
    DeliveryChangeRefused,
    Cancelled,
    AlertSent,
    AlertStatus,
    PersonalDataErased,
    /// <summary>A support agent's note (<c>POST /api/orders/{n}/notes</c>).</summary>
    AgentNote,
    /// <summary>The customer rated the delivery.</summary>
    CustomerRating,
    /// <summary>The carrier offered delivery dates and parcel shops.</summary>
    DeliveryOptionsOffered,
}

/// <summary><c>GET /api/orders/{orderNumber}/history</c>: every fact about the order, newest first — the support console's timeline.</summary>
public sealed record OrderHistory(string OrderNumber, IReadOnlyList<OrderHistoryRow> Rows);

/// <summary>One fact: what happened, when, and who or what said so.</summary>
/// <param name="ShipmentId">The shipment it is about; <see cref="Guid.Empty"/> (and an empty <paramref name="TrackingNumber"/>)
/// for a fact about the whole order, such as an agent's note on no particular shipment or the customer's rating.</param>
/// <param name="Actor"><c>carrier</c>, <c>platform</c>, <c>customer:sms</c>, <c>agent:{name}</c>, <c>retailer</c>, <c>notifications</c>, …</param>
public sealed record OrderHistoryRow(
    Guid ShipmentId, string TrackingNumber, DateTimeOffset At, DateTimeOffset RecordedAt, TimelineRowKind Kind, string Actor,
    string Summary, string? RawCode, string? RawText);
