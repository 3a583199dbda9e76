namespace Shipping.Contracts;

/// <summary>How an alert reached (or was meant to reach) the customer.</summary>
public enum AlertChannel
{
    Sms,
    Email,
}

/// <summary>Where an alert stands with its provider (Twilio's statuses; email: Sent, Delivered to the server, or Failed).</summary>
public enum AlertDeliveryStatus
{
    Queued,
    Sent,
    Delivered,
    Undelivered,
    Failed,
    /// <summary>Held for quiet hours, to be sent in the morning.</summary>
    Held,
    /// <summary>Not sent: no longer true when it was due, or superseded.</summary>
    Dropped,
}

/// <summary>
/// Notifications sent an alert about one or more shipments of an order. Timeline records it on each shipment's stream,
/// so support agents see it on the timeline. Carries no personal data: the rendered text stays in Notifications' log.
/// </summary>
/// <param name="AlertId">Stable id of the alert (the same across redeliveries and status updates).</param>
/// <param name="Trigger">What it is about, e.g. Delayed:StaleTracking, OutForDelivery, DeliveryChangeConfirmed.</param>
/// <param name="Template">The template it was rendered from.</param>
/// <param name="Language">Two-letter language it was written in.</param>
/// <param name="ProviderMessageId">The provider's id (Twilio's Message SID, the SMTP Message-ID), if any.</param>
public sealed record AlertSent(
    Guid AlertId,
    string TenantId,
    string OrderNumber,
    IReadOnlyList<Guid> ShipmentIds,
    AlertChannel Channel,
    string Trigger,
    string Template,
    string Language,
    string? ProviderMessageId,
    DateTimeOffset SentAt);

/// <summary>The provider reported on an alert (Twilio's status callback, or an email bounce).</summary>
public sealed record AlertDeliveryUpdated(
    Guid AlertId,
    string TenantId,
    string OrderNumber,
    IReadOnlyList<Guid> ShipmentIds,
    AlertChannel Channel,
    AlertDeliveryStatus Status,
    string? ErrorCode,
    DateTimeOffset At);
