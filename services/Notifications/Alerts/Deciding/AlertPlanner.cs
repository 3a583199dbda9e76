using Marten;
using Microsoft.Extensions.Options;
using Shipping.Contracts;
using Shipping.Notifications.Brands;

namespace Shipping.Notifications.Alerts.Deciding;

/// <summary>The order's open batch of one family: the alert that shipments changing now join.</summary>
public sealed class AlertBatch
{
    public Guid Id { get; set; }
    public string TenantId { get; set; } = "";
    public string OrderNumber { get; set; } = "";
    public AlertFamily Family { get; set; }
    public Guid OpenAlertId { get; set; }
    public DateTimeOffset OpenUntil { get; set; }

    public static Guid IdFor(string tenantId, string orderNumber, AlertFamily family) =>
        StableIds.From("notifications-alert-batch", tenantId, orderNumber, family.ToString());
}

/// <summary>
/// Decides that a customer is owed an alert: at most one per shipment per reason (an <see cref="AlertClaim"/> under a
/// stable key; a redelivered message finds it and does nothing), and shipments of one order changing together within
/// the grouping window join one alert, so they make one message.
/// </summary>
public sealed class AlertPlanner(TimeProvider time, IOptions<NotificationsOptions> options)
{
    /// <returns>The alert the subject is now part of, or null when the brand switched the trigger off or it was already claimed.</returns>
    public async Task<Alert?> PlanAsync(
        IDocumentSession session, string tenantId, string orderNumber, AlertFamily family, AlertSubject subject, string claimKey, CancellationToken ct)
    {
        var brand = await session.LoadAsync<BrandProfile>(tenantId, ct);
        if (brand is not null && !brand.IsOn(subject.Reason))
        {
            return null;
        }

        var claimId = AlertClaim.IdFor(tenantId, claimKey);
        if (await session.LoadAsync<AlertClaim>(claimId, ct) is not null)
        {
            return null; // redelivered, or this shipment already had its alert for this reason
        }

        var now = time.GetUtcNow();
        var batchId = AlertBatch.IdFor(tenantId, orderNumber, family);
        var batch = await session.LoadAsync<AlertBatch>(batchId, ct);
        var open = batch is not null && batch.OpenUntil > now ? await session.LoadAsync<Alert>(batch.OpenAlertId, ct) : null;

        Alert alert;
        if (open is { State: AlertState.Pending } && open.DueAt > now)
        {
            alert = open;
            alert.Subjects.Add(subject);
            session.Store(alert); // optimistic concurrency: two shipments joining at once are serialised by retries
        }
        else
        {
            alert = new Alert
            {
                Id = StableIds.From("notifications-alert", tenantId, claimKey),
                TenantId = tenantId,
                OrderNumber = orderNumber,
                Family = family,
                Subjects = [subject],
                IdempotencyKey = claimKey,
                CreatedAt = now,
                DueAt = now + options.Value.GroupingWindow,
                History = [new AlertStatusEntry(AlertState.Pending, now, null, null)],
            };
            session.Insert(alert);
            if (batch is null)
            {
                // Two shipments of the order opening a batch at once: one insert fails, its retry joins the other's alert.
                session.Insert(new AlertBatch { Id = batchId, TenantId = tenantId, OrderNumber = orderNumber, Family = family, OpenAlertId = alert.Id, OpenUntil = alert.DueAt });
            }
            else
            {
                batch.OpenAlertId = alert.Id;
                batch.OpenUntil = alert.DueAt;
                session.Store(batch); // optimistic concurrency: the loser retries and joins
            }
        }

        session.Insert(new AlertClaim { Id = claimId, TenantId = tenantId, Key = claimKey, AlertId = alert.Id, ClaimedAt = now });
        await session.SaveChangesAsync(ct);
        return alert;
    }
}
