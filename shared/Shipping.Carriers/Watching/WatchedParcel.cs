using Marten.Schema;
using Shipping.Contracts;

namespace Shipping.Carriers.Watching;

/// <summary>
/// One tracking number this adapter knows about: who watches it (learned from ShipmentRegistered) and every scan the
/// carrier has shown for it. A scan is published to the watchers once, however often polling and webhooks see it;
/// a watcher who arrives later (the shipment registered after the first scans, or a second shipment with the same
/// number) is handed the whole history. Stored with optimistic concurrency, so a webhook, a poll and a
/// registration never lose each other's changes.
/// </summary>
[UseOptimisticConcurrency]
public sealed class WatchedParcel
{
    /// <summary>Most scans kept for one tracking number; the oldest go first. A journey has far fewer.</summary>
    public const int MaxScans = 200;

    /// <summary>The normalised tracking number.</summary>
    public string Id { get; set; } = "";

    public List<ParcelWatcher> Watchers { get; set; } = [];

    /// <summary>Every scan seen, in the order the carrier's time puts them.</summary>
    public List<CarrierScan> Scans { get; set; } = [];

    /// <summary>The status of the newest scan seen, by the carrier's time.</summary>
    public TrackingStatus? LastStatus { get; set; }

    public DateTimeOffset? LastEventAt { get; set; }

    /// <summary>The carrier's own page for changing the delivery, when its API gave one (DHL's rerouteUrl).</summary>
    public string? SelfServiceUrl { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>Marten's document version, checked on every update.</summary>
    [Version]
    public Guid Version { get; set; }

    /// <summary>The newest scan (by the carrier's time) that carried a delivery estimate, if any.</summary>
    public CarrierScan? EstimateScan() => Scans.LastOrDefault(s => s.CarrierEstimate is not null);

    /// <summary>Takes in what the carrier showed and returns the scans not seen before, without repeats.</summary>
    public IReadOnlyList<CarrierScan> Learn(IEnumerable<CarrierScan> scans)
    {
        var known = Scans.Select(s => s.EventId).ToHashSet();
        var fresh = scans.Where(s => known.Add(s.EventId)).ToList();
        if (fresh.Count == 0)
        {
            return fresh;
        }

        Scans = Scans.Concat(fresh).OrderBy(s => s.OccurredAt).TakeLast(MaxScans).ToList();
        var newest = Scans[^1];
        LastEventAt = newest.OccurredAt;
        LastStatus = newest.Status;
        return fresh;
    }
}

/// <summary>A tenant's shipment that uses this tracking number.</summary>
public sealed record ParcelWatcher(string TenantId, Guid ShipmentId, string OrderNumber, DateTimeOffset Since);
