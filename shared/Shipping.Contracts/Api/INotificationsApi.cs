using Refit;

namespace Shipping.Contracts.Api;

/// <summary>
/// Notifications' API for the support console (Web): the message log of an order, the local outbox (development), resending
/// an alert, the customer's contact preferences and the brand's alert triggers. Callers are the platform's own services:
/// a service key in <c>X-Service-Key</c> and the tenant they act for in <c>X-Tenant-Id</c>. Errors are RFC 7807 problem
/// details (404 unknown order or alert, 400 invalid input, 401 missing or unknown key).
/// Register with <c>services.AddRefitGeneratedClient&lt;INotificationsApi&gt;()</c>.
/// </summary>
public interface INotificationsApi
{
    public const string ServiceKeyHeader = "X-Service-Key";
    public const string TenantHeader = "X-Tenant-Id";

    /// <summary>Every alert of the order, newest first, with its rendered text and status history.</summary>
    [Get("/api/notifications/orders/{orderNumber}/alerts")]
    Task<IReadOnlyList<AlertLogEntry>> GetAlertsAsync(
        [Header(ServiceKeyHeader)] string serviceKey, [Header(TenantHeader)] string tenantId, string orderNumber, CancellationToken ct = default);

    /// <summary>Sends an alert again, as a new alert with the same content (on its channel unless another is named).</summary>
    [Post("/api/notifications/alerts/{alertId}/resend")]
    Task<ResentAlert> ResendAsync(
        [Header(ServiceKeyHeader)] string serviceKey, [Header(TenantHeader)] string tenantId, Guid alertId, [Body] ResendAlert request, CancellationToken ct = default);

    /// <summary>Messages kept locally because Twilio or SMTP is not configured (development), newest first.</summary>
    [Get("/api/notifications/outbox")]
    Task<IReadOnlyList<OutboxEntry>> GetOutboxAsync(
        [Header(ServiceKeyHeader)] string serviceKey, [Header(TenantHeader)] string tenantId, CancellationToken ct = default);

    [Get("/api/notifications/orders/{orderNumber}/preferences")]
    Task<ContactPreferences> GetPreferencesAsync(
        [Header(ServiceKeyHeader)] string serviceKey, [Header(TenantHeader)] string tenantId, string orderNumber, CancellationToken ct = default);

    /// <summary>Turns SMS or email on or off and orders the channels. Turning SMS on needs the consent's source recorded.</summary>
    [Put("/api/notifications/orders/{orderNumber}/preferences")]
    Task<ContactPreferences> UpdatePreferencesAsync(
        [Header(ServiceKeyHeader)] string serviceKey, [Header(TenantHeader)] string tenantId, string orderNumber, [Body] UpdateContactPreferences request, CancellationToken ct = default);

    [Get("/api/notifications/triggers")]
    Task<AlertTriggers> GetTriggersAsync([Header(ServiceKeyHeader)] string serviceKey, [Header(TenantHeader)] string tenantId, CancellationToken ct = default);

    /// <summary>Switches the brand's alert triggers on or off (Delayed, OutForDelivery, AttemptFail, AvailableForPickup, Delivered, Exception).</summary>
    [Put("/api/notifications/triggers")]
    Task<AlertTriggers> UpdateTriggersAsync(
        [Header(ServiceKeyHeader)] string serviceKey, [Header(TenantHeader)] string tenantId, [Body] AlertTriggers request, CancellationToken ct = default);
}

/// <summary>One alert in the message log.</summary>
/// <param name="State">Pending, Held, Sending, Queued, Sent, Delivered, Undelivered, Failed or Dropped.</param>
/// <param name="Recipient">The phone number or email address (null once the customer's data was erased).</param>
public sealed record AlertLogEntry(
    Guid AlertId,
    string OrderNumber,
    IReadOnlyList<Guid> ShipmentIds,
    string Trigger,
    AlertChannel? Channel,
    string? Template,
    string? Language,
    string? Recipient,
    string? Subject,
    string? Text,
    string? ProviderMessageId,
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    IReadOnlyList<AlertStatusChange> History,
    Guid? FallbackOf,
    Guid? ResendOf);

public sealed record AlertStatusChange(string State, DateTimeOffset At, string? ErrorCode, string? Note);

/// <param name="Channel">Another channel to resend on, or null for the alert's own.</param>
public sealed record ResendAlert(AlertChannel? Channel = null);

public sealed record ResentAlert(Guid AlertId);

public sealed record OutboxEntry(Guid Id, Guid AlertId, string OrderNumber, AlertChannel Channel, string? To, string? Subject, string? Text, string? Html, DateTimeOffset CreatedAt);

/// <param name="PreferredChannels">Channels in the customer's order of preference.</param>
public sealed record ContactPreferences(
    string OrderNumber, bool Sms, bool SmsUnsubscribed, bool Email, IReadOnlyList<AlertChannel> PreferredChannels, string Language, string? TimeZone,
    IReadOnlyList<ConsentChange> ConsentHistory);

public sealed record ConsentChange(string What, string Source, DateTimeOffset At);

/// <param name="Sms">On or off; null leaves it.</param>
/// <param name="ConsentSource">How the customer agreed (e.g. "phone call with support, ticket 123"); required to turn SMS on.</param>
public sealed record UpdateContactPreferences(bool? Sms = null, bool? Email = null, IReadOnlyList<AlertChannel>? PreferredChannels = null, string? ConsentSource = null);

/// <summary>The triggers a brand has switched off (all others are on).</summary>
public sealed record AlertTriggers(IReadOnlyList<string> Disabled);
