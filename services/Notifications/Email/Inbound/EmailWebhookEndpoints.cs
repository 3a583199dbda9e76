using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.Options;
using Shipping.Contracts;
using Shipping.Notifications.Alerts;
using Shipping.Notifications.Customers;
using Shipping.Notifications.Replies;

namespace Shipping.Notifications.Email.Inbound;

/// <summary>
/// Email replies, as SendGrid's Inbound Parse posts them (multipart form: from, to, subject, text, html, envelope,
/// headers), authenticated with the shared secret as the HTTP Basic password. The reply address names the alert; the
/// quoted original is cut away and the rest is read like an SMS reply. The answer goes back by email.
/// Unsubscribe links (one click, RFC 8058) land here too.
/// </summary>
public static partial class EmailWebhookEndpoints
{
    public const long MaxBodyBytes = 5 * 1024 * 1024;

    public static IEndpointRouteBuilder MapEmailWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/email/inbound", ReceiveAsync).WithTags("Webhooks").ExcludeFromDescription().DisableAntiforgery();
        app.MapGet("/unsubscribe/email/{token}", ConfirmUnsubscribe).ExcludeFromDescription();
        app.MapPost("/unsubscribe/email/{token}", UnsubscribeAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, IOptions<EmailOptions> email, IDocumentStore store, ReplyHandler replies, AlertTokens tokens,
        TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!Authenticated(request, email.Value.InboundSecret))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthenticated",
                detail: "The inbound email webhook needs the configured shared secret (HTTP Basic password).");
        }

        if (request.ContentLength is > MaxBodyBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }

        if (!request.HasFormContentType)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a form",
                detail: "Expected SendGrid's Inbound Parse format: multipart/form-data with from, to, subject, text, html and envelope.");
        }

        var form = await request.ReadFormAsync(ct);
        var logger = loggers.CreateLogger(typeof(EmailWebhookEndpoints));
        var alertId = tokens.ReadReplyAddress(form["to"].ToString()) ?? tokens.ReadReplyAddress(EnvelopeTo(form["envelope"].ToString()));
        if (alertId is null)
        {
            logger.LogInformation("Inbound email without a valid reply token: ignored");
            return Results.Ok();
        }

        await using var session = store.LightweightSession();
        var alert = await session.LoadAsync<Alert>(alertId.Value, ct);
        if (alert is null || await session.LoadAsync<CustomerContact>(CustomerContact.IdFor(alert.TenantId, alert.OrderNumber), ct) is not { Erased: false } contact)
        {
            return Results.Ok();
        }

        var text = form["text"].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            text = Tags().Replace(form["html"].ToString(), " ");
        }

        var providerId = MessageId(form["headers"].ToString())
            ?? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{form["from"]}\n{form["subject"]}\n{text}")));
        var reply = QuotedText.NewPart(text);
        var now = time.GetUtcNow();
        string answer;
        if (!alert.OpenForReplies && alert.Step == ConversationStep.None)
        {
            answer = alert.Language == "de"
                ? "Zu dieser Nachricht ist keine Frage mehr offen. Bei Fragen wenden Sie sich bitte an unseren Kundenservice."
                : "There is no open question for this message any more. Please contact our support if you need help.";
        }
        else
        {
            answer = await replies.HandleAsync(session, alert, contact, AlertChannel.Email, providerId, reply, ct);
        }

        // The answer goes out as its own email (once per inbound message), through the dispatcher like every alert.
        var key = $"reply:{providerId}";
        await using var answerSession = store.LightweightSession();
        var answerId = StableIds.From("notifications-alert", alert.TenantId, key);
        if (await answerSession.LoadAsync<Alert>(answerId, ct) is null)
        {
            answerSession.Insert(new Alert
            {
                Id = answerId,
                TenantId = alert.TenantId,
                OrderNumber = alert.OrderNumber,
                Family = AlertFamily.Reply,
                Subjects = [.. alert.Subjects],
                Channel = AlertChannel.Email,
                ReplyText = answer,
                IdempotencyKey = key,
                CreatedAt = now,
                DueAt = now,
                History = [new AlertStatusEntry(AlertState.Pending, now, null, $"Answer to a reply to {alert.Id}")],
            });
            await answerSession.SaveChangesAsync(ct);
        }

        return Results.Ok();
    }

    private static IResult ConfirmUnsubscribe(string token) => Results.Content(
        $"""
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Unsubscribe</title></head><body>
        <form method="post" action="/unsubscribe/email/{Uri.EscapeDataString(token)}"><p>Stop delivery updates by email? / Keine Sendungsinfos mehr per E-Mail?</p>
        <button type="submit">Unsubscribe / Abbestellen</button></form></body></html>
        """, "text/html; charset=utf-8");

    private static async Task<IResult> UnsubscribeAsync(string token, AlertTokens tokens, IDocumentStore store, TimeProvider time, CancellationToken ct)
    {
        if (tokens.Read(token, AlertTokens.Unsubscribe) is not { } alertId)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown unsubscribe link");
        }

        await using var session = store.LightweightSession();
        var alert = await session.LoadAsync<Alert>(alertId, ct);
        if (alert is not null && await session.LoadAsync<CustomerContact>(CustomerContact.IdFor(alert.TenantId, alert.OrderNumber), ct) is { } contact
            && !contact.EmailUnsubscribed)
        {
            var now = time.GetUtcNow();
            contact.EmailUnsubscribed = true;
            contact.Record("email:off", "unsubscribe-link", now);
            contact.UpdatedAt = now;
            session.Store(contact);
            await session.SaveChangesAsync(ct);
        }

        return Results.Content("<!DOCTYPE html><html><body><p>Unsubscribed. / Abgemeldet.</p></body></html>", "text/html; charset=utf-8");
    }

    /// <summary>HTTP Basic with the shared secret as password, compared in constant time.</summary>
    private static bool Authenticated(HttpRequest request, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || !AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var password = decoded[(decoded.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(password)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    private static string? EnvelopeTo(string envelope)
    {
        try
        {
            using var json = JsonDocument.Parse(envelope);
            return json.RootElement.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Array
                ? string.Join(',', to.EnumerateArray().Select(t => t.GetString()))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? MessageId(string headers)
    {
        var match = MessageIdHeader().Match(headers);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex(@"^Message-ID:\s*(\S+)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MessageIdHeader();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
