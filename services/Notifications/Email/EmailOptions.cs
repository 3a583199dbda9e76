namespace Shipping.Notifications.Email;

/// <summary>SMTP settings (<c>Smtp:*</c>). Without a host, emails go to the local outbox.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>TLS: implicit on port 465, STARTTLS (required) on any other port.</summary>
    public bool UseTls { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Email settings (<c>Email:*</c>).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender address; the brand's name is its display name.</summary>
    public string From { get; set; } = "alerts@localhost";
    /// <summary>Replies go to <c>reply+{token}@{ReplyDomain}</c>, where SendGrid's Inbound Parse picks them up.</summary>
    public string ReplyDomain { get; set; } = "localhost";
    /// <summary>Key for the signed tokens in Reply-To and unsubscribe links. Required when sending email.</summary>
    public string? TokenKey { get; set; }
    /// <summary>The shared secret SendGrid's Inbound Parse sends (HTTP Basic password) to <c>/webhooks/email/inbound</c>.</summary>
    public string? InboundSecret { get; set; }
}
