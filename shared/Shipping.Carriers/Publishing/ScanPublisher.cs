using MassTransit;
using Shipping.Carriers.Watching;

namespace Shipping.Carriers.Publishing;

public static class ScanPublisher
{
    /// <summary>
    /// One <c>TrackingEventObserved</c> per scan and watching tenant, in the order the carrier gave. What is already in
    /// <paramref name="sent"/> is skipped and what goes out is added to it, so a change retried after a concurrency
    /// conflict does not send again what its first attempt sent.
    /// </summary>
    public static async Task PublishAsync(
        IPublishEndpoint publisher, IEnumerable<ParcelWatcher> watchers, IEnumerable<CarrierScan> scans,
        DateTimeOffset observedAt, CancellationToken ct, ISet<(Guid EventId, string TenantId)>? sent = null)
    {
        var tenants = watchers.Select(w => w.TenantId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var scan in scans)
        {
            foreach (var tenant in tenants)
            {
                if (sent is null || sent.Add((scan.EventId, tenant)))
                {
                    await publisher.Publish(scan.ObservedBy(tenant, observedAt), ct);
                }
            }
        }
    }
}
