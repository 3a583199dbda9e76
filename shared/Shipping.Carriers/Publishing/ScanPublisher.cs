using MassTransit;
using Shipping.Carriers.Watching;

namespace Shipping.Carriers.Publishing;

public static class ScanPublisher
{
    /// <summary>One <c>TrackingEventObserved</c> per scan and watching tenant, in the order the carrier gave.</summary>
    public static async Task PublishAsync(
        IPublishEndpoint publisher, IEnumerable<ParcelWatcher> watchers, IEnumerable<CarrierScan> scans,
        DateTimeOffset observedAt, CancellationToken ct)
    {
        var tenants = watchers.Select(w => w.TenantId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var scan in scans)
        {
            foreach (var tenant in tenants)
            {
                await publisher.Publish(scan.ObservedBy(tenant, observedAt), ct);
            }
        }
    }
}
