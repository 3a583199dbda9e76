using Marten.Schema;

namespace Shipping.Timeline.RetailerWebhooks;

public enum DeliveryState
{
    /// <summary>Waiting for its next attempt (the first, or a retry).</summary>
    Pending,
    /// <summary>The retailer answered 2xx.</summary>
    Delivered,
    /// <summary>Given up after the last attempt; kept for support.</summary>
    Failed,
}

/// <summary>
/// One webhook to one tenant's endpoint: a tenanted Marten document whose id is the integration message's id, so a
/// redelivered message finds its delivery already there. The body is stored as sent (the signature covers it byte for
/// byte); timestamp and signature are made per attempt with the tenant's current secret.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }

    /// <summary>Copy of the owning tenant, so a sender can open that tenant's session.</summary>
    public string TenantId { get; set; } = "";

    public string Type { get; set; } = "";

    public string Body { get; set; } = "";

    public DeliveryState State { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the next attempt is due; while one is in flight, when its claim runs out (an instance that died mid-send).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Why the last attempt failed: a status code, "timeout", or the connection error's kind. Never a body.</summary>
    public string? LastError { get; set; }

    /// <summary>Marten's optimistic-concurrency version: only one instance wins the claim of a due delivery.</summary>
    [Version]
    public Guid Version { get; set; }
}
