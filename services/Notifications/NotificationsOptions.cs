namespace Shipping.Notifications;

/// <summary>The service's own settings (<c>Notifications:*</c>).</summary>
public sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// The scheme and host (and port) the outside world calls this service at, e.g. https://notify.example.com. Twilio's
    /// status callbacks and unsubscribe links are built on it, and Twilio's signatures are checked against it when the
    /// service runs behind a proxy. Unset: the request's own scheme and host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Where customers see the tracking page (Web), e.g. https://track.example.com. With <c>Platform:TrackingLinkKey</c>
    /// set, every email carries a signed link to the order's page (<c>/t/{token}</c>).
    /// </summary>
    public string? TrackingPageBaseUrl { get; set; }

    /// <summary>How long a tracking link in an alert stays valid.</summary>
    public TimeSpan TrackingLinkLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>Start of quiet hours in the customer's own zone (local time of day).</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);

    /// <summary>End of quiet hours: held alerts go out at this local time.</summary>
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>Zone for customers who gave none.</summary>
    public string DefaultTimeZone { get; set; } = "Europe/Berlin";

    /// <summary>How long an alert waits for other shipments of the same order changing together, to make one message.</summary>
    public TimeSpan GroupingWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often due alerts are looked for.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long an alert waits for the customer's contact details (OrderPlaced) before it is dropped.</summary>
    public TimeSpan ContactWait { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Sends to a provider that is down are tried again this many times (with growing pauses) before the alert fails.</summary>
    public int MaxSendAttempts { get; set; } = 5;

    /// <summary>A folder of per-brand templates ({tenant}/{language}/{name}.liquid) that override the built-in ones.</summary>
    public string? TemplatesDirectory { get; set; }
}
