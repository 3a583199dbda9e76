using Marten.Schema;

namespace Shipping.Carriers.Watching;

/// <summary>
/// One tracking number this adapter knows about: who watches it (learned from ShipmentRegistered) and the
/// scans that arrived before anyone did (parked until the shipment is registered, then published).
/// Stored with optimistic concurrency, so parking a scan and registering a watcher never lose each other.
/// </summary>
[UseOptimisticConcurrency]
public sealed class WatchedParcel
{
    /// <summary>Most scans parked for a tracking number nobody has registered yet; older ones are dropped first.</summary>
    public const int MaxParkedScans = 50;

    /// <summary>The normalised tracking number.</summary>
    public string Id { get; set; } = "";

    public List<ParcelWatcher> Watchers { get; set; } = [];

    public List<CarrierScan> Parked { get; set; } = [];

    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>Marten's document version, checked on every update.</summary>
    [Version]
    public Guid Version { get; set; }

    public void Park(IEnumerable<CarrierScan> scans)
    {
        foreach (var scan in scans)
        {
            if (Parked.All(p => p.EventId != scan.EventId))
            {
                Parked.Add(scan);
            }
        }

        if (Parked.Count > MaxParkedScans)
        {
            Parked = Parked.OrderBy(s => s.OccurredAt).TakeLast(MaxParkedScans).ToList();
        }
    }
}

/// <summary>A tenant's shipment that uses this tracking number.</summary>
public sealed record ParcelWatcher(string TenantId, Guid ShipmentId, string OrderNumber, DateTimeOffset Since);
