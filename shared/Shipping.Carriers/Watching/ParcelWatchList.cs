using JasperFx;
using Marten;
using MassTransit;
using Microsoft.Extensions.Logging;
using Shipping.Carriers.Publishing;
using Shipping.Contracts;

namespace Shipping.Carriers.Watching;

/// <summary>
/// The adapter's list of parcels to watch, in PostgreSQL. Routes incoming scans to the tenants watching the
/// parcel, parks scans for parcels nobody has registered yet, and releases them when a shipment registers.
/// Every change is a read-modify-write of one <see cref="WatchedParcel"/> under optimistic concurrency,
/// retried on conflict. Messages are published before the document is saved: after a crash in between, the
/// scan is published again, and downstream de-duplicates it by its event id.
/// </summary>
public sealed class ParcelWatchList(IDocumentStore store, TimeProvider time, ILogger<ParcelWatchList> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>Publishes <paramref name="scans"/> of one parcel to every tenant watching it, or parks them.</summary>
    /// <returns>How many tenants the scans went to (0 when they were parked).</returns>
    public Task<int> RouteAsync(string trackingNumber, IReadOnlyCollection<CarrierScan> scans, IPublishEndpoint publisher, CancellationToken ct) =>
        WithRetriesAsync(TrackingNumbers.Normalise(trackingNumber), async (session, parcel, isNew) =>
        {
            if (parcel.Watchers.Count > 0)
            {
                await ScanPublisher.PublishAsync(publisher, parcel.Watchers, scans, time.GetUtcNow(), ct);
                return parcel.Watchers.Count;
            }

            parcel.Park(scans);
            Save(session, parcel, isNew);
            logger.LogInformation("Parked {Count} scan(s): no shipment registered for this tracking number yet", scans.Count);
            return 0;
        }, ct);

    /// <summary>Adds a watcher for a registered shipment and hands it every scan parked so far.</summary>
    public Task WatchAsync(ShipmentRegistered registered, IPublishEndpoint publisher, CancellationToken ct) =>
        WithRetriesAsync(TrackingNumbers.Normalise(registered.TrackingNumber), async (session, parcel, isNew) =>
        {
            var watcher = new ParcelWatcher(registered.TenantId, registered.ShipmentId, registered.OrderNumber, time.GetUtcNow());
            if (parcel.Watchers.Any(w => w.TenantId == watcher.TenantId && w.ShipmentId == watcher.ShipmentId))
            {
                return 0; // a redelivered ShipmentRegistered
            }

            parcel.Watchers.Add(watcher);
            if (parcel.Parked.Count > 0)
            {
                await ScanPublisher.PublishAsync(publisher, [watcher], parcel.Parked, time.GetUtcNow(), ct);
            }

            Save(session, parcel, isNew);
            return 1;
        }, ct);

    public async Task<WatchedParcel?> FindAsync(string trackingNumber, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<WatchedParcel>(TrackingNumbers.Normalise(trackingNumber), ct);
    }

    private void Save(IDocumentSession session, WatchedParcel parcel, bool isNew)
    {
        if (isNew)
        {
            session.Insert(parcel);
        }
        else
        {
            session.Update(parcel);
        }
    }

    private async Task<int> WithRetriesAsync(
        string id, Func<IDocumentSession, WatchedParcel, bool, Task<int>> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var existing = await session.LoadAsync<WatchedParcel>(id, ct);
            var parcel = existing ?? new WatchedParcel { Id = id, FirstSeenAt = time.GetUtcNow() };
            var result = await change(session, parcel, existing is null);
            try
            {
                await session.SaveChangesAsync(ct);
                return result;
            }
            catch (Exception e) when (e is JasperFx.ConcurrencyException or DocumentAlreadyExistsException && attempt < MaxAttempts)
            {
                logger.LogDebug("Watch list conflict on attempt {Attempt}; retrying", attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), ct);
            }
        }
    }
}
