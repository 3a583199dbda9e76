namespace Shipping.Contracts.Api;

/// <summary>
/// Body of <c>POST /api/orders/{orderNumber}/notes</c>: a support agent's note on the order, or on one of its shipments.
/// </summary>
/// <param name="Text">Up to 2000 characters.</param>
public sealed record AddAgentNote(string AgentId, string AgentName, string Text, Guid? ShipmentId = null);

/// <summary>A note as recorded. Shown in the order's history (kind AgentNote, actor <c>agent:{AgentName}</c>).</summary>
public sealed record AgentNote(Guid NoteId, string OrderNumber, Guid? ShipmentId, string AgentId, string AgentName, string Text, DateTimeOffset At);

/// <summary>
/// Body of <c>POST /api/orders/{orderNumber}/rating</c>: the customer rates the delivery, 1 to 5 stars, with an optional
/// comment of up to 1000 characters. Allowed once a shipment of the order is delivered; rating again replaces the rating.
/// </summary>
public sealed record RateDelivery(int Stars, string? Comment);

/// <summary>The customer's rating of an order's delivery.</summary>
public sealed record DeliveryRating(int Stars, string? Comment, DateTimeOffset RatedAt);

/// <summary>A tenant and its brand settings (<c>GET /api/brands</c>, platform services only).</summary>
public sealed record TenantBrand(string TenantId, BrandSettings Brand);
