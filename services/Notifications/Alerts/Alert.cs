using Shipping.Contracts;

namespace Shipping.Notifications.Alerts;

/// <summary>
/// One alert to one customer, and its entry in the message log: what it is about, the channel, template, language and the
/// rendered text it went out with, the provider's id and every status it passed through. Personal data (recipient, texts)
/// is erased on <see cref="CustomerDataErased"/>; the non-personal facts stay.
/// </summary>
public sealed class Alert
{
    public Guid Id { get; set; }
    public string TenantId { get; set; } = "";
    public string OrderNumber { get; set; } = "";
    public AlertFamily Family { get; set; }
    /// <summary>The shipments it is about, each with what happened to it.</summary>
    public List<AlertSubject> Subjects { get; set; } = [];
    public AlertState State { get; set; } = AlertState.Pending;
    /// <summary>When it may go out (end of the grouping window, or the end of quiet hours while held).</summary>
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set in advance for fallbacks, confirmations of a reply (same channel) and resends; otherwise chosen when sent.</summary>
    public AlertChannel? Channel { get; set; }
    public string? Template { get; set; }
    public string? Language { get; set; }
    /// <summary>The phone number or email address it went to. Personal data.</summary>
    public string? Recipient { get; set; }
    public string? Subject { get; set; }
    /// <summary>The SMS text or the email's text part. Personal data.</summary>
    public string? Text { get; set; }
    public string? Html { get; set; }
    /// <summary>The key the send is recorded under: one send per key, whatever the bus redelivers.</summary>
    public string IdempotencyKey { get; set; } = "";
    public string? ProviderMessageId { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public List<AlertStatusEntry> History { get; set; } = [];
    /// <summary>The numbered choices it offered.</summary>
    public List<OfferedOption> Options { get; set; } = [];
    /// <summary>Replies are matched to it (it offered choices, or a question about them is open).</summary>
    public bool OpenForReplies { get; set; }
    public ConversationStep Step { get; set; }
    public Guid? FallbackOf { get; set; }
    public Guid? ResendOf { get; set; }
    /// <summary>For answers to a delivery change: what was asked and what the carrier said.</summary>
    public ChangeAnswer? Answer { get; set; }
    /// <summary>A direct reply to the customer (e.g. a question after an email reply).</summary>
    public string? ReplyText { get; set; }
    public bool PersonalDataErased { get; set; }

    public string Trigger => Family switch
    {
        AlertFamily.DeliveryChange => Answer?.Confirmed == true ? "DeliveryChangeConfirmed" : "DeliveryChangeRejected",
        AlertFamily.Reply => "Reply",
        _ => Subjects.OrderByDescending(s => Priority(s.Reason)).Select(s => s.TriggerName).FirstOrDefault() ?? Family.ToString(),
    };

    public AlertSubject? PrimarySubject => Subjects.OrderByDescending(s => Priority(s.Reason)).FirstOrDefault();

    public IReadOnlyList<Guid> ShipmentIds => Subjects.Select(s => s.ShipmentId).Distinct().ToList();

    public bool IsFinished => State is AlertState.Dropped or AlertState.Failed or AlertState.Delivered or AlertState.Undelivered;

    public void Record(AlertState state, DateTimeOffset at, string? errorCode = null, string? note = null)
    {
        State = state;
        History.Add(new AlertStatusEntry(state, at, errorCode, note));
    }

    private static int Priority(Brands.AlertReason reason) => reason switch
    {
        Brands.AlertReason.AttemptFail => 6,
        Brands.AlertReason.Exception => 5,
        Brands.AlertReason.Delayed => 4,
        Brands.AlertReason.OutForDelivery => 3,
        Brands.AlertReason.AvailableForPickup => 2,
        _ => 1,
    };
}

/// <summary>Alerts of one family about shipments of one order, arriving together, make one message.</summary>
public enum AlertFamily
{
    /// <summary>Delays, failed attempts, exceptions: they offer delivery changes.</summary>
    Problem,
    OutForDelivery,
    AvailableForPickup,
    Delivered,
    /// <summary>The carrier's answer to a change the customer asked for.</summary>
    DeliveryChange,
    /// <summary>A direct answer to a customer's reply (email replies; SMS replies are answered in TwiML).</summary>
    Reply,
}

public enum AlertState
{
    /// <summary>Waiting for its grouping window to close (or for the customer's contact details).</summary>
    Pending,
    /// <summary>Held for quiet hours.</summary>
    Held,
    /// <summary>Handed to the provider; the outcome is being recorded.</summary>
    Sending,
    Queued,
    Sent,
    Delivered,
    Undelivered,
    Failed,
    Dropped,
}

public enum ConversationStep
{
    None,
    /// <summary>The customer chose a neighbour: we asked for the neighbour's name and house number.</summary>
    AwaitingNeighbour,
}

/// <param name="CausedBy">The id of the fact (the delay's or status change's id).</param>
public sealed record AlertSubject(
    Guid ShipmentId, Brands.AlertReason Reason, string TriggerName, Guid CausedBy, DelayReason? DelayReason, DeliveryEstimate? Estimate);

public sealed record AlertStatusEntry(AlertState State, DateTimeOffset At, string? ErrorCode, string? Note);

/// <summary>A numbered choice an alert offered.</summary>
public sealed record OfferedOption(int Number, DeliveryChangeKind Kind, DateOnly? Date);

public sealed record ChangeAnswer(Guid RequestId, DeliveryChangeKind Kind, bool Confirmed, string? Reason, string? SelfServiceUrl, DateOnly? Date);

/// <summary>
/// Claims "this shipment has had its alert for this reason" (at most one per shipment per reason) and is the idempotency
/// key of the decision: a redelivered message finds it and does nothing.
/// </summary>
public sealed class AlertClaim
{
    public Guid Id { get; set; }
    public string TenantId { get; set; } = "";
    public string Key { get; set; } = "";
    public Guid AlertId { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }

    public static Guid IdFor(string tenantId, string key) => StableIds.From("notifications-alert-claim", tenantId, key);
}
