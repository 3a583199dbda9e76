using Shipping.Contracts;

namespace Shipping.Notifications.Outbox;

/// <summary>
/// A message that would have gone to Twilio or an SMTP server, kept locally because the service has no settings for them
/// (development): the support console shows it. Never silently dropped. Personal data: erased with the customer's.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public string TenantId { get; set; } = "";
    public Guid AlertId { get; set; }
    public string OrderNumber { get; set; } = "";
    public AlertChannel Channel { get; set; }
    public string? To { get; set; }
    public string? Subject { get; set; }
    public string? Text { get; set; }
    public string? Html { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
