using Shipping.Contracts;

namespace Shipping.Notifications.Customers;

/// <summary>
/// How to reach an order's customer and what they agreed to: Notifications' own copy, taken from <see cref="OrderPlaced"/>
/// and changed by the customer (STOP/START, unsubscribe links) and by support. Personal data: never logged.
/// </summary>
public sealed class CustomerContact
{
    public Guid Id { get; set; }
    public string TenantId { get; set; } = "";
    public string OrderNumber { get; set; } = "";
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string Locale { get; set; } = "en";
    public string? TimeZone { get; set; }
    public PostalAddress? DeliveryAddress { get; set; }

    public bool SmsOptIn { get; set; }
    public List<ConsentRecord> ConsentHistory { get; set; } = [];
    /// <summary>The customer opted out (STOP, or Twilio's error 21610): no SMS until they opt back in.</summary>
    public bool SmsUnsubscribed { get; set; }
    public bool EmailOptIn { get; set; } = true;
    public bool EmailUnsubscribed { get; set; }
    /// <summary>Channels in the customer's order of preference.</summary>
    public List<AlertChannel> PreferredChannels { get; set; } = [AlertChannel.Sms, AlertChannel.Email];
    public bool Erased { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static Guid IdFor(string tenantId, string orderNumber) => StableIds.From("notifications-contact", tenantId, orderNumber);

    public string Language => Locale.Split('-', '_')[0].ToLowerInvariant();

    public bool MaySms => !Erased && SmsOptIn && !SmsUnsubscribed && !string.IsNullOrWhiteSpace(Phone);

    public bool MayEmail => !Erased && EmailOptIn && !EmailUnsubscribed && !string.IsNullOrWhiteSpace(Email);

    public bool May(AlertChannel channel) => channel == AlertChannel.Sms ? MaySms : MayEmail;

    public void Record(string what, string source, DateTimeOffset at) => ConsentHistory.Add(new ConsentRecord(what, source, at));
}

/// <summary>One change of consent: what changed (e.g. "sms:on"), who or what said so, and when.</summary>
public sealed record ConsentRecord(string What, string Source, DateTimeOffset At);
