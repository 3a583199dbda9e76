using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Marten;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly.Timeout;
using Shipping.Contracts;
using Shipping.Notifications.Email;
using Shipping.Notifications.Outbox;
using Shipping.Notifications.Sms;

namespace Shipping.Notifications.Alerts.Sending;

/// <summary>One rendered message, ready for its channel.</summary>
public sealed record OutgoingMessage(
    Alert Alert, string To, string? Subject, string Text, string? Html, string? ReplyTo, string? UnsubscribeUrl, string? FromName);

/// <summary>What the provider said.</summary>
public abstract record SendResult
{
    /// <summary>Taken: the provider's id and its first status.</summary>
    public sealed record Accepted(string ProviderMessageId, AlertState State) : SendResult;

    /// <summary>Refused for good (a 4xx, an SMTP 5xx): not retried.</summary>
    public sealed record Refused(string Code, string Reason) : SendResult;

    /// <summary>Down or too slow (5xx, timeout): tried again later.</summary>
    public sealed record Unavailable(string Reason) : SendResult;
}

public interface IMessageSender
{
    Task<SendResult> SendAsync(AlertChannel channel, OutgoingMessage message, CancellationToken ct);
}

/// <summary>
/// Sends through Twilio and SMTP when they are configured; otherwise into the local outbox, which the support console
/// shows (development mode: never silently dropped).
/// </summary>
public sealed class MessageSender(
    IOptionsMonitor<TwilioOptions> twilio, IOptionsMonitor<SmtpOptions> smtp, IOptions<EmailOptions> email,
    IOptions<NotificationsOptions> notifications, IServiceProvider services, IDocumentStore store, TimeProvider time,
    ILogger<MessageSender> logger) : IMessageSender
{
    public Task<SendResult> SendAsync(AlertChannel channel, OutgoingMessage message, CancellationToken ct) => channel switch
    {
        AlertChannel.Sms when twilio.CurrentValue.IsConfigured => SendSmsAsync(message, ct),
        AlertChannel.Email when smtp.CurrentValue.IsConfigured => SendEmailAsync(message, ct),
        _ => ToOutboxAsync(channel, message, ct),
    };

    private async Task<SendResult> SendSmsAsync(OutgoingMessage message, CancellationToken ct)
    {
        var options = twilio.CurrentValue;
        var form = new Dictionary<string, string> { ["To"] = message.To };
        if (!string.IsNullOrWhiteSpace(options.From))
        {
            form["From"] = options.From;
        }
        else
        {
            form["MessagingServiceSid"] = options.MessagingServiceSid!;
        }

        form["Body"] = message.Text;
        if (notifications.Value.PublicBaseUrl is { Length: > 0 } publicUrl)
        {
            form["StatusCallback"] = publicUrl.TrimEnd('/') + "/webhooks/twilio/status";
        }

        try
        {
            var response = await services.GetRequiredService<ITwilioApi>().CreateMessageAsync(options.AccountSid!, form, ct);
            if (response.IsSuccessStatusCode && response.Content is { } created)
            {
                return new SendResult.Accepted(created.Sid, TwilioStatus.ToState(created.Status) ?? AlertState.Queued);
            }

            var status = (int)(response.StatusCode ?? 0);
            if (status >= 500 || status == 0 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            {
                return new SendResult.Unavailable($"Twilio answered {status}.");
            }

            var error = ReadError((response.Error as Refit.ApiException)?.Content);
            return new SendResult.Refused(error?.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                error?.Message ?? $"Twilio answered {status}.");
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                                              || (exception is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return new SendResult.Unavailable(exception.GetType().Name);
        }
    }

    private static TwilioError? ReadError(string? body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize(body, TwilioJsonContext.Default.TwilioError);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<SendResult> SendEmailAsync(OutgoingMessage message, CancellationToken ct)
    {
        var options = smtp.CurrentValue;
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(message.FromName, email.Value.From));
        if (!MailboxAddress.TryParse(message.To, out var to))
        {
            return new SendResult.Refused("invalid-address", "The customer's email address cannot be read.");
        }

        mime.To.Add(to);
        if (message.ReplyTo is not null)
        {
            mime.ReplyTo.Add(MailboxAddress.Parse(message.ReplyTo));
        }

        mime.Subject = message.Subject ?? "";
        mime.MessageId = $"{message.Alert.Id:N}@{email.Value.ReplyDomain}";
        mime.Date = time.GetUtcNow();
        if (message.UnsubscribeUrl is not null)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{message.UnsubscribeUrl}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();

        using var client = new SmtpClient();
        client.Timeout = 30_000;
        try
        {
            var security = !options.UseTls ? SecureSocketOptions.None
                : options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(options.Host!, options.Port, security, ct);
            if (!string.IsNullOrEmpty(options.Username))
            {
                await client.AuthenticateAsync(options.Username, options.Password ?? "", ct);
            }

            await client.SendAsync(mime, ct);
            await client.DisconnectAsync(true, ct);
            return new SendResult.Accepted(mime.MessageId, AlertState.Sent);
        }
        catch (SmtpCommandException exception) when ((int)exception.StatusCode >= 500)
        {
            return new SendResult.Refused(((int)exception.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message);
        }
        catch (AuthenticationException exception)
        {
            return new SendResult.Refused("auth", exception.Message);
        }
        catch (Exception exception) when (exception is SmtpCommandException or SmtpProtocolException or IOException or SocketException
                                              or ServiceNotConnectedException or SslHandshakeException
                                              || (exception is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning("SMTP server unavailable: {Error}", exception.GetType().Name);
            return new SendResult.Unavailable(exception.GetType().Name);
        }
    }

    private async Task<SendResult> ToOutboxAsync(AlertChannel channel, OutgoingMessage message, CancellationToken ct)
    {
        var entry = new OutboxMessage
        {
            Id = Contracts.StableIds.From("notifications-outbox", message.Alert.TenantId, message.Alert.Id.ToString()),
            TenantId = message.Alert.TenantId,
            AlertId = message.Alert.Id,
            OrderNumber = message.Alert.OrderNumber,
            Channel = channel,
            To = message.To,
            Subject = message.Subject,
            Text = message.Text,
            Html = message.Html,
            CreatedAt = time.GetUtcNow(),
        };
        await using var session = store.LightweightSession();
        session.Store(entry);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("No {Channel} provider configured: alert {AlertId} kept in the local outbox", channel, message.Alert.Id);
        return new SendResult.Accepted($"outbox:{entry.Id:N}", AlertState.Sent);
    }
}

/// <summary>Twilio's message statuses, as the message log records them.</summary>
public static class TwilioStatus
{
    public static AlertState? ToState(string? status) => status?.ToLowerInvariant() switch
    {
        "accepted" or "scheduled" or "queued" or "sending" => AlertState.Queued,
        "sent" => AlertState.Sent,
        "delivered" or "read" => AlertState.Delivered,
        "undelivered" => AlertState.Undelivered,
        "failed" or "canceled" => AlertState.Failed,
        _ => null,
    };
}
