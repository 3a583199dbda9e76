using Microsoft.Extensions.Options;
using Shipping.Contracts;
using Shipping.Contracts.Api;

namespace Shipping.Web.Console;

/// <summary>Notifications as the console uses it: <see cref="INotificationsApi"/> with Web's service key added to each call.</summary>
public sealed class ConsoleNotifications(INotificationsApi api, IOptions<NotificationsClientOptions> options)
{
    private string Key => options.Value.ServiceKey;

    public Task<IReadOnlyList<AlertLogEntry>> AlertsAsync(string tenant, string orderNumber, CancellationToken ct) =>
        api.GetAlertsAsync(Key, tenant, orderNumber, ct);

    public Task<ResentAlert> ResendAsync(string tenant, Guid alertId, AlertChannel? channel, CancellationToken ct) =>
        api.ResendAsync(Key, tenant, alertId, new ResendAlert(channel), ct);

    public Task<IReadOnlyList<OutboxEntry>> OutboxAsync(string tenant, CancellationToken ct) => api.GetOutboxAsync(Key, tenant, ct);
}
