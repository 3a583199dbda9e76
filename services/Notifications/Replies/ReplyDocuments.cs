using Shipping.Contracts;

namespace Shipping.Notifications.Replies;

/// <summary>
/// An inbound SMS or email, kept under the provider's id so that a provider's retry gets the same answer and changes
/// nothing twice. Personal data (the answer may quote the neighbour's name): erased with the customer's.
/// </summary>
public sealed class InboundMessage
{
    public Guid Id { get; set; }
    public string TenantId { get; set; } = "";
    public string OrderNumber { get; set; } = "";
    public AlertChannel Channel { get; set; }
    public Guid? AlertId { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    public static Guid IdFor(AlertChannel channel, string providerId) => StableIds.From("notifications-inbound", channel.ToString(), providerId);
}

/// <summary>A delivery change a customer asked for by replying: the carrier's answer is sent back on the same channel.</summary>
public sealed class ChangeRequest
{
    public Guid Id { get; set; }
    public string TenantId { get; set; } = "";
    public string OrderNumber { get; set; } = "";
    public Guid AlertId { get; set; }
    public Guid ShipmentId { get; set; }
    public AlertChannel Channel { get; set; }
    public DeliveryChangeKind Kind { get; set; }
    public DateOnly? Date { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}
