using Marten;
using Microsoft.Extensions.Options;
using Shipping.Contracts;
using Shipping.Notifications.Brands;

namespace Shipping.Notifications.Alerts.Deciding;

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
        var windowStart = now - options.Value.GroupingWindow;
        var open = await session.Query<Alert>()
            .Where(a => a.TenantId == tenantId && a.OrderNumber == orderNumber && a.Family == family && a.State == AlertState.Pending
                        && a.FallbackOf == null && a.ResendOf == null && a.CreatedAt >= windowStart && a.DueAt > now)
            .OrderByDescending(a => a.CreatedAt)
            .FirstOrDefaultAsync(ct);

        Alert alert;
        if (open is not null)
        {
            alert = open;
            alert.Subjects.Add(subject);
            session.Store(alert);
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
        }

        session.Insert(new AlertClaim { Id = claimId, TenantId = tenantId, Key = claimKey, AlertId = alert.Id, ClaimedAt = now });
        await session.SaveChangesAsync(ct);
        return alert;
    }
}
