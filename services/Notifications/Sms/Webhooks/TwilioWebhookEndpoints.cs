using Marten;
using MassTransit;
using Microsoft.Extensions.Options;
using Shipping.Contracts;
using Shipping.Notifications.Alerts;
using Shipping.Notifications.Alerts.Sending;
using Shipping.Notifications.Brands;
using Shipping.Notifications.Customers;
using Shipping.Notifications.Replies;

namespace Shipping.Notifications.Sms.Webhooks;

/// <summary>Twilio calls these: the status callback of each SMS, and every inbound SMS. Both must carry Twilio's signature.</summary>
public static class TwilioWebhookEndpoints
{
    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        var twilio = app.MapGroup("/webhooks/twilio").WithTags("Webhooks").ExcludeFromDescription().DisableAntiforgery();
        twilio.MapPost("/status", RecordStatusAsync);
        twilio.MapPost("/sms", ReceiveSmsAsync);
        return app;
    }

    /// <summary>Records queued, sent, delivered, undelivered and failed per message; a failed SMS falls back to email.</summary>
    private static async Task<IResult> RecordStatusAsync(
        HttpRequest request, IOptionsMonitor<TwilioOptions> twilio, IOptions<NotificationsOptions> notifications, IDocumentStore store,
        IPublishEndpoint publish, TimeProvider time, CancellationToken ct)
    {
        if (await TwilioRequests.ReadSignedFormAsync(request, twilio, notifications, ct) is not { } form)
        {
            return TwilioRequests.Forged();
        }

        var sid = form.GetValueOrDefault("MessageSid") ?? form.GetValueOrDefault("SmsSid");
        var state = TwilioStatus.ToState(form.GetValueOrDefault("MessageStatus") ?? form.GetValueOrDefault("SmsStatus"));
        if (string.IsNullOrEmpty(sid) || state is null)
        {
            return Results.NoContent(); // a status we do not track (sending, receiving...)
        }

        var errorCode = form.GetValueOrDefault("ErrorCode") is { Length: > 0 } code ? code : null;
        var now = time.GetUtcNow();
        await using var session = store.LightweightSession();
        var alert = await session.Query<Alert>().FirstOrDefaultAsync(a => a.ProviderMessageId == sid && a.Channel == AlertChannel.Sms, ct);
        if (alert is null || alert.History.Any(h => h.State == state && h.ErrorCode == errorCode && h.Note == "twilio"))
        {
            return Results.NoContent(); // unknown to us, or a repeated callback
        }

        alert.History.Add(new AlertStatusEntry(state.Value, now, errorCode, "twilio"));
        if (Rank(state.Value) >= Rank(alert.State))
        {
            alert.State = state.Value;
        }

        if (state is AlertState.Failed or AlertState.Undelivered
            && await session.LoadAsync<CustomerContact>(CustomerContact.IdFor(alert.TenantId, alert.OrderNumber), ct) is { } contact)
        {
            if (errorCode == "21610" && contact.Phone is not null)
            {
                await SmsOptOut.MarkUnsubscribedAsync(session, contact.Phone, "twilio:21610", now, ct);
            }

            await AlertDispatcher.FallBackAsync(session, alert, contact, now, ct);
        }

        session.Store(alert);
        await session.SaveChangesAsync(ct);
        await publish.Publish(new AlertDeliveryUpdated(alert.Id, alert.TenantId, alert.OrderNumber, alert.ShipmentIds, AlertChannel.Sms,
            ToContract(state.Value), errorCode, now), ct);
        return Results.NoContent();
    }

    /// <summary>STOP and friends, START and friends, HELP, or a reply to the customer's most recent open alert. Answers in TwiML.</summary>
    private static async Task<IResult> ReceiveSmsAsync(
        HttpRequest request, IOptionsMonitor<TwilioOptions> twilio, IOptions<NotificationsOptions> notifications, IDocumentStore store,
        ReplyHandler replies, TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        if (await TwilioRequests.ReadSignedFormAsync(request, twilio, notifications, ct) is not { } form)
        {
            return TwilioRequests.Forged();
        }

        var from = form.GetValueOrDefault("From")?.Trim();
        var body = form.GetValueOrDefault("Body") ?? "";
        var sid = form.GetValueOrDefault("MessageSid") ?? form.GetValueOrDefault("SmsSid");
        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(sid))
        {
            return TwilioRequests.TwiML(null);
        }

        var now = time.GetUtcNow();
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<InboundMessage>(InboundMessage.IdFor(AlertChannel.Sms, sid), ct) is { Answer: { } earlier })
        {
            return TwilioRequests.TwiML(earlier); // Twilio retrying the same message: the same answer, nothing done twice
        }

        var latest = await session.Query<Alert>()
            .Where(a => a.Channel == AlertChannel.Sms && a.Recipient == from && a.SentAt != null)
            .OrderByDescending(a => a.SentAt)
            .FirstOrDefaultAsync(ct);
        var contact = latest is null ? null : await session.LoadAsync<CustomerContact>(CustomerContact.IdFor(latest.TenantId, latest.OrderNumber), ct);
        var brand = latest is null ? null : await session.LoadAsync<BrandProfile>(latest.TenantId, ct) ?? new BrandProfile { Id = latest.TenantId };
        var language = contact is null || brand is null ? "en" : AlertComposer.LanguageFor(contact, brand.Brand);
        var logger = loggers.CreateLogger(typeof(TwilioWebhookEndpoints));

        switch (SmsKeywords.Of(body))
        {
            case SmsKeyword.OptOut:
                var stopped = await SmsOptOut.MarkUnsubscribedAsync(session, from, "sms:" + body.Trim().ToUpperInvariant(), now, ct);
                await session.SaveChangesAsync(ct);
                logger.LogInformation("SMS opt-out received: {Contacts} contact(s) unsubscribed", stopped.Count);
                return TwilioRequests.TwiML(null); // Twilio confirms opt-outs itself
            case SmsKeyword.OptIn:
                var started = await SmsOptOut.MarkSubscribedAsync(session, from, "sms:" + body.Trim().ToUpperInvariant(), now, ct);
                await session.SaveChangesAsync(ct);
                logger.LogInformation("SMS opt-in received: {Contacts} contact(s) subscribed", started.Count);
                var name = (brand ?? new BrandProfile { Id = "shipping" }).Brand.Name;
                return TwilioRequests.TwiML(language == "de"
                    ? $"{name}: Sie erhalten wieder Sendungsinfos per SMS. Antworten Sie STOP zum Abmelden."
                    : $"{name}: you will get delivery updates by SMS again. Reply STOP to unsubscribe.");
            case SmsKeyword.Help:
                return TwilioRequests.TwiML((brand ?? new BrandProfile { Id = "shipping" }).HelpText(language));
        }

        var open = await session.Query<Alert>()
            .Where(a => a.Channel == AlertChannel.Sms && a.Recipient == from && a.SentAt != null && a.OpenForReplies)
            .OrderByDescending(a => a.SentAt)
            .FirstOrDefaultAsync(ct);
        if (open is null || contact is null
            || await session.LoadAsync<CustomerContact>(CustomerContact.IdFor(open.TenantId, open.OrderNumber), ct) is not { Erased: false } openContact)
        {
            return TwilioRequests.TwiML(language == "de"
                ? "Zu dieser Nummer ist gerade keine Frage offen. Antworten Sie HELP für Hilfe."
                : "There is no open question for this number right now. Reply HELP for help.");
        }

        var answer = await replies.HandleAsync(session, open, openContact, AlertChannel.Sms, sid, body, ct);
        return TwilioRequests.TwiML(answer);
    }

    private static int Rank(AlertState state) => state switch
    {
        AlertState.Queued => 1,
        AlertState.Sent => 2,
        AlertState.Delivered or AlertState.Undelivered or AlertState.Failed => 3,
        _ => 0,
    };

    public static AlertDeliveryStatus ToContract(AlertState state) => state switch
    {
        AlertState.Queued or AlertState.Sending or AlertState.Pending => AlertDeliveryStatus.Queued,
        AlertState.Sent => AlertDeliveryStatus.Sent,
        AlertState.Delivered => AlertDeliveryStatus.Delivered,
        AlertState.Undelivered => AlertDeliveryStatus.Undelivered,
        AlertState.Held => AlertDeliveryStatus.Held,
        AlertState.Dropped => AlertDeliveryStatus.Dropped,
        _ => AlertDeliveryStatus.Failed,
    };
}
