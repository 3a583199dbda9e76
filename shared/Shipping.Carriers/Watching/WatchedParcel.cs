using Marten.Schema;
using Shipping.Contracts;

namespace Shipping.Carriers.Watching;

/// <summary>
/// One tracking number this adapter knows about: who watches it (learned from ShipmentRegistered), which scans
/// already went out (so polling and webhooks seeing the same scan publish it once), and the scans that arrived
/// before anyone watched (parked until the shipment is registered). Stored with optimistic concurrency, so a
/// webhook, a poll and a registration never lose each other's changes.
/// </summary>
[UseOptimisticConcurrency]
public sealed class WatchedParcel
{
    /// <summary>Most scans parked for a tracking number nobody has registered yet; older ones are dropped first.</summary>
    public const int MaxParkedScans = 50;

    /// <summary>Most scan ids remembered as published; a journey has far fewer.</summary>
    public const int MaxPublishedIds = 500;

    /// <summary>The normalised tracking number.</summary>
    public string Id { get; set; } = "";

    public List<ParcelWatcher> Watchers { get; set; } = [];

    public List<CarrierScan> Parked { get; set; } = [];

    /// <summary>Ids of the scans already published to the watchers, oldest first.</summary>
    public List<Guid> Published { get; set; } = [];

    /// <summary>The status of the newest scan seen, by the carrier's time.</summary>
    public TrackingStatus? LastStatus { get; set; }

    public DateTimeOffset? LastEventAt { get; set; }

    /// <summary>The carrier's own page for changing the delivery, when its API gave one (DHL's rerouteUrl).</summary>
    public string? SelfServiceUrl { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>Marten's document version, checked on every update.</summary>
    [Version]
    public Guid Version { get; set; }

    /// <summary>The scans not published before, without repeats, in the order given.</summary>
    public IReadOnlyList<CarrierScan> Unpublished(IEnumerable<CarrierScan> scans) =>
        scans.DistinctBy(s => s.EventId).Where(s => !Published.Contains(s.EventId)).ToList();

    public void MarkPublished(IEnumerable<CarrierScan> scans)
    {
        Published.AddRange(scans.Select(s => s.EventId).Where(id => !Published.Contains(id)));
        if (Published.Count > MaxPublishedIds)
        {
            Published.RemoveRange(0, Published.Count - MaxPublishedIds);
        }
    }

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

    /// <summary>Takes the newest of <paramref name="scans"/> as the parcel's status if it is newer than what is known.</summary>
    public void Observe(IEnumerable<CarrierScan> scans)
    {
        foreach (var scan in scans)
        {
            if (LastEventAt is null || scan.OccurredAt >= LastEventAt)
            {
                LastEventAt = scan.OccurredAt;
                LastStatus = scan.Status;
            }
        }
    }
}

/// <summary>A tenant's shipment that uses this tracking number.</summary>
public sealed record ParcelWatcher(string TenantId, Guid ShipmentId, string OrderNumber, DateTimeOffset Since);
