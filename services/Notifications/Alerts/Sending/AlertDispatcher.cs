using JasperFx;
using Marten;
using MassTransit;
using Microsoft.Extensions.Options;
using Shipping.Contracts;
using Shipping.Notifications.Brands;
using Shipping.Notifications.Customers;
using Shipping.Notifications.Shipments;
using Shipping.Notifications.Sms;

namespace Shipping.Notifications.Alerts.Sending;

/// <summary>
/// Sends the alerts that are due, one at a time: checks consent, brand switches and that the alert is still true; holds
/// it through the customer's quiet hours; renders and sends it once (the alert is marked Sending, under optimistic
/// concurrency, before the provider is called, so a second dispatcher or a restart never sends it again); records the
/// outcome and publishes it (<see cref="AlertSent"/>, <see cref="AlertDeliveryUpdated"/>).
/// Runs in the instance that runs Marten's daemon.
/// </summary>
public sealed class AlertDispatcher(
    IDocumentStore store, IMessageSender sender, AlertComposer composer, IBus bus, TimeProvider time,
    IOptions<NotificationsOptions> options, ILogger<AlertDispatcher> logger) : BackgroundService
{
    /// <summary>An alert left in Sending this long (the process died mid-send) is marked failed rather than sent twice.</summary>
    public static readonly TimeSpan SendingTimeout = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Dispatching due alerts failed; trying again shortly");
            }

            try
            {
                await Task.Delay(options.Value.DispatchInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task DispatchDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var stuckBefore = now - SendingTimeout;
        List<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = (await query.Query<Alert>()
                .Where(a => ((a.State == AlertState.Pending || a.State == AlertState.Held) && a.DueAt <= now)
                            || (a.State == AlertState.Sending && a.DueAt <= stuckBefore))
                .OrderBy(a => a.DueAt)
                .Select(a => a.Id)
                .Take(100)
                .ToListAsync(ct)).ToList();
        }

        foreach (var id in due)
        {
            try
            {
                await ProcessAsync(id, ct);
            }
            catch (JasperFx.ConcurrencyException)
            {
                // Changed meanwhile (another shipment joined it, or another instance took it): looked at again next round.
            }
            catch (Exception exception) when (!ct.IsCancellationRequested)
            {
                // One alert that cannot be processed must not hold up the others: it is looked at again a minute later.
                logger.LogError(exception, "Alert {AlertId} could not be processed; trying again later", id);
                await PostponeAsync(id, ct);
            }
        }
    }

    private async Task ProcessAsync(Guid alertId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = store.LightweightSession();
        var alert = await session.LoadAsync<Alert>(alertId, ct);
        if (alert is null)
        {
            return;
        }

        if (alert.State == AlertState.Sending)
        {
            alert.Record(AlertState.Failed, now, "unknown", "The outcome of the send was not recorded; not sent again.");
            session.Store(alert);
            await session.SaveChangesAsync(ct);
            await PublishUpdateAsync(alert, AlertDeliveryStatus.Failed, "unknown", now, ct);
            return;
        }

        if (alert.State is not (AlertState.Pending or AlertState.Held) || alert.DueAt > now)
        {
            return;
        }

        var contact = await session.LoadAsync<CustomerContact>(CustomerContact.IdFor(alert.TenantId, alert.OrderNumber), ct);
        if (contact is null)
        {
            if (now - alert.CreatedAt > options.Value.ContactWait)
            {
                await DropAsync(session, alert, "No contact details for the order.", now, ct);
            }
            else
            {
                alert.DueAt = now + TimeSpan.FromSeconds(5);
                session.Store(alert);
                await session.SaveChangesAsync(ct);
            }

            return;
        }

        var brand = await session.LoadAsync<BrandProfile>(alert.TenantId, ct) ?? new BrandProfile { Id = alert.TenantId };
        var shipments = (await session.LoadManyAsync<TrackedShipment>(ct, alert.ShipmentIds.Select(id => TrackedShipment.IdFor(alert.TenantId, id)).ToArray()))
            .Where(s => s is not null && s.TenantId == alert.TenantId).ToList();

        if (contact.Erased)
        {
            await DropAsync(session, alert, "The customer's data was erased.", now, ct);
            return;
        }

        if (alert.Family is not (AlertFamily.DeliveryChange or AlertFamily.Reply))
        {
            alert.Subjects.RemoveAll(s => !brand.IsOn(s.Reason));
            alert.Subjects.RemoveAll(s => shipments.FirstOrDefault(x => x.ShipmentId == s.ShipmentId) is { } shipment && !StillTrue(s.Reason, shipment.Status));
            if (alert.Subjects.Count == 0)
            {
                await DropAsync(session, alert, "No longer true, or switched off by the brand.", now, ct);
                return;
            }
        }

        var channel = alert.Channel ?? contact.PreferredChannels.Cast<AlertChannel?>().FirstOrDefault(c => contact.May(c!.Value));
        if (channel is not { } chosen || !contact.May(chosen))
        {
            await DropAsync(session, alert, "No channel the customer agreed to.", now, ct);
            return;
        }

        var zone = QuietHours.Zone(contact.TimeZone, options.Value.DefaultTimeZone);
        // A direct answer to someone who just wrote to us is not held.
        if (alert.Family != AlertFamily.Reply && QuietHours.HeldUntil(now, zone, options.Value.QuietHoursStart, options.Value.QuietHoursEnd) is { } until)
        {
            var first = alert.State != AlertState.Held;
            alert.DueAt = until;
            if (first)
            {
                alert.Record(AlertState.Held, now, null, $"Quiet hours until {until:O}");
            }

            session.Store(alert);
            await session.SaveChangesAsync(ct);
            if (first)
            {
                await PublishUpdateAsync(alert, AlertDeliveryStatus.Held, null, now, ct);
            }

            return;
        }

        var message = await composer.ComposeAsync(alert, chosen, contact, brand.Brand, shipments, QuietHours.Today(now, zone));
        alert.Channel = chosen;
        alert.Recipient = message.To;
        alert.Subject = message.Subject;
        alert.Text = message.Text;
        alert.Html = message.Html;
        alert.Attempts++;
        alert.DueAt = now;
        alert.Record(AlertState.Sending, now);
        session.Store(alert);
        await session.SaveChangesAsync(ct); // the claim: a concurrent dispatcher loses here, before anything is sent

        var result = await sender.SendAsync(chosen, message, ct);
        now = time.GetUtcNow();
        await using var outcome = store.LightweightSession();
        alert = (await outcome.LoadAsync<Alert>(alertId, ct))!;
        switch (result)
        {
            case SendResult.Accepted accepted:
                alert.ProviderMessageId = accepted.ProviderMessageId;
                alert.SentAt = now;
                alert.OpenForReplies = alert.Options.Count > 0;
                alert.Record(accepted.State, now);
                outcome.Store(alert);
                await outcome.SaveChangesAsync(ct);
                logger.LogInformation("Alert {AlertId} sent by {Channel} ({Trigger})", alert.Id, chosen, alert.Trigger);
                await PublishAsync(new AlertSent(alert.Id, alert.TenantId, alert.OrderNumber, alert.ShipmentIds, chosen, alert.Trigger,
                    alert.Template ?? "", alert.Language ?? "en", alert.ProviderMessageId, now), ct);
                break;

            case SendResult.Refused refused:
                alert.Record(AlertState.Failed, now, refused.Code, "Refused by the provider; not retried.");
                if (chosen == AlertChannel.Sms && refused.Code == "21610")
                {
                    await SmsOptOut.MarkUnsubscribedAsync(outcome, contact.Phone!, "twilio:21610", now, ct);
                }

                await FallBackAsync(outcome, alert, contact, now, ct);
                outcome.Store(alert);
                await outcome.SaveChangesAsync(ct);
                logger.LogWarning("Alert {AlertId} refused by the {Channel} provider (code {Code})", alert.Id, chosen, refused.Code);
                await PublishUpdateAsync(alert, AlertDeliveryStatus.Failed, refused.Code, now, ct);
                break;

            case SendResult.Unavailable unavailable when alert.Attempts < options.Value.MaxSendAttempts:
                alert.DueAt = now + TimeSpan.FromSeconds(30 * Math.Pow(2, alert.Attempts - 1));
                alert.Record(AlertState.Pending, now, null, $"Provider unavailable ({unavailable.Reason}); trying again at {alert.DueAt:O}");
                outcome.Store(alert);
                await outcome.SaveChangesAsync(ct);
                break;

            case SendResult.Unavailable unavailable:
                alert.Record(AlertState.Failed, now, "unavailable", unavailable.Reason);
                await FallBackAsync(outcome, alert, contact, now, ct);
                outcome.Store(alert);
                await outcome.SaveChangesAsync(ct);
                await PublishUpdateAsync(alert, AlertDeliveryStatus.Failed, "unavailable", now, ct);
                break;
        }
    }

    private async Task PostponeAsync(Guid alertId, CancellationToken ct)
    {
        try
        {
            await using var session = store.LightweightSession();
            if (await session.LoadAsync<Alert>(alertId, ct) is { State: AlertState.Pending or AlertState.Held } alert)
            {
                alert.DueAt = time.GetUtcNow() + TimeSpan.FromMinutes(1);
                session.Store(alert);
                await session.SaveChangesAsync(ct);
            }
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Alert {AlertId} could not be postponed either: {Error}", alertId, exception.GetType().Name);
        }
    }

    /// <summary>Whether what an alert says still holds for the shipment (checked when it finally goes out).</summary>
    public static bool StillTrue(AlertReason reason, TrackingStatus status) => reason switch
    {
        AlertReason.OutForDelivery => status == TrackingStatus.OutForDelivery,
        AlertReason.AvailableForPickup => status == TrackingStatus.AvailableForPickup,
        AlertReason.Delivered => status == TrackingStatus.Delivered,
        _ => status is not (TrackingStatus.Delivered or TrackingStatus.AvailableForPickup or TrackingStatus.ReturnToSender or TrackingStatus.Expired),
    };

    /// <summary>A failed SMS falls back to email when the customer has one (once).</summary>
    public static async Task FallBackAsync(IDocumentSession session, Alert failed, CustomerContact contact, DateTimeOffset now, CancellationToken ct)
    {
        if (failed.Channel != AlertChannel.Sms || !contact.MayEmail)
        {
            return;
        }

        var key = $"fallback:{failed.Id}";
        var id = StableIds.From("notifications-alert", failed.TenantId, key);
        if (await session.LoadAsync<Alert>(id, ct) is not null)
        {
            return;
        }

        session.Insert(new Alert
        {
            Id = id,
            TenantId = failed.TenantId,
            OrderNumber = failed.OrderNumber,
            Family = failed.Family,
            Subjects = [.. failed.Subjects],
            Answer = failed.Answer,
            ReplyText = failed.ReplyText,
            Channel = AlertChannel.Email,
            FallbackOf = failed.Id,
            IdempotencyKey = key,
            CreatedAt = now,
            DueAt = now,
            History = [new AlertStatusEntry(AlertState.Pending, now, null, $"Email in place of SMS {failed.Id}")],
        });
    }

    private async Task DropAsync(IDocumentSession session, Alert alert, string why, DateTimeOffset now, CancellationToken ct)
    {
        alert.Record(AlertState.Dropped, now, null, why);
        session.Store(alert);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Alert {AlertId} dropped: {Why}", alert.Id, why);
        await PublishUpdateAsync(alert, AlertDeliveryStatus.Dropped, null, now, ct);
    }

    private Task PublishUpdateAsync(Alert alert, AlertDeliveryStatus status, string? errorCode, DateTimeOffset at, CancellationToken ct) =>
        PublishAsync(new AlertDeliveryUpdated(alert.Id, alert.TenantId, alert.OrderNumber, alert.ShipmentIds,
            alert.Channel ?? AlertChannel.Sms, status, errorCode, at), ct);

    private async Task PublishAsync<T>(T message, CancellationToken ct) where T : class
    {
        try
        {
            await bus.Publish(message, ct);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            logger.LogError(exception, "Publishing {MessageType} failed", typeof(T).Name);
        }
    }
}
