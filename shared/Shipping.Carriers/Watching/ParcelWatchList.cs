using JasperFx;
using Marten;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shipping.Carriers.Polling;
using Shipping.Carriers.Publishing;
using Shipping.Contracts;

namespace Shipping.Carriers.Watching;

/// <summary>
/// The adapter's list of parcels to watch, in PostgreSQL. Routes incoming scans (webhook or poll) to the tenants
/// watching the parcel, publishing each scan once; keeps every scan, so a shipment registered later (or a second one
/// with the same number) is handed the whole history; starts and stops the parcel's polling schedule in the same
/// transaction.
/// Every change is a read-modify-write of one <see cref="WatchedParcel"/> under optimistic concurrency, retried on
/// conflict. Messages go out before the document is saved: after a crash in between, a scan is published again,
/// and downstream de-duplicates it by its event id.
/// </summary>
public sealed class ParcelWatchList(
    IDocumentStore store, PollSchedule schedule, CarrierIdentity carrier, IOptionsMonitor<PollingOptions> polling, TimeProvider time,
    ILogger<ParcelWatchList> logger, IEnumerable<DeliveryChanges.ICarrierDeliveryOffers> offers)
{
    private readonly DeliveryChanges.ICarrierDeliveryOffers? _offers = offers.FirstOrDefault();

    private const int MaxAttempts = 8;

    /// <summary>Publishes the scans of one parcel not seen before to every tenant watching it, or keeps them for later.</summary>
    public Task<RouteResult> RouteAsync(
        string trackingNumber, IReadOnlyCollection<CarrierScan> scans, IPublishEndpoint publisher, CancellationToken ct, string? selfServiceUrl = null) =>
        WithRetriesAsync(TrackingNumbers.Normalise(trackingNumber), async (session, parcel, isNew, sent) =>
        {
            var wasFinal = parcel.LastStatus is { } before && PollingPolicy.IsFinal(before);
            var estimateBefore = parcel.EstimateScan();
            var fresh = parcel.Learn(scans);
            var linkChanged = selfServiceUrl is not null && selfServiceUrl != parcel.SelfServiceUrl;
            parcel.SelfServiceUrl = selfServiceUrl ?? parcel.SelfServiceUrl;

            RouteResult result;
            if (parcel.Watchers.Count > 0)
            {
                await ScanPublisher.PublishAsync(publisher, parcel.Watchers, fresh, time.GetUtcNow(), ct, sent);
                if (parcel.EstimateScan() is { } estimateNow && estimateNow.CarrierEstimate != estimateBefore?.CarrierEstimate)
                {
                    await OfferAsync(publisher, parcel, parcel.Watchers, ct, sent);
                }

                result = new RouteResult(fresh.Count, parcel.Watchers.Select(w => w.TenantId).Distinct().Count(), 0);
            }
            else
            {
                result = new RouteResult(0, 0, fresh.Count);
                if (fresh.Count > 0)
                {
                    logger.LogInformation("Kept {Count} scan(s) for later: no shipment registered for this tracking number yet", fresh.Count);
                }
            }

            if (!wasFinal && parcel.LastStatus is { } now && PollingPolicy.IsFinal(now))
            {
                session.QueueSqlCommand(schedule.StopSql, now.ToString(), parcel.Id);
            }

            if (isNew || fresh.Count > 0 || linkChanged)
            {
                Save(session, parcel, isNew);
            }

            return result;
        }, ct);

    /// <summary>Adds a watcher for a registered shipment, hands it every scan seen so far, and starts polling.</summary>
    public Task WatchAsync(ShipmentRegistered registered, IPublishEndpoint publisher, CancellationToken ct) =>
        WithRetriesAsync(TrackingNumbers.Normalise(registered.TrackingNumber), async (session, parcel, isNew, sent) =>
        {
            var watcher = new ParcelWatcher(registered.TenantId, registered.ShipmentId, registered.OrderNumber, time.GetUtcNow());
            if (parcel.Watchers.Any(w => w.TenantId == watcher.TenantId && w.ShipmentId == watcher.ShipmentId))
            {
                return RouteResult.Nothing; // a redelivered ShipmentRegistered
            }

            parcel.Watchers.Add(watcher);
            await ScanPublisher.PublishAsync(publisher, [watcher], parcel.Scans, time.GetUtcNow(), ct, sent);
            await OfferAsync(publisher, parcel, [watcher], ct, sent);

            if (parcel.LastStatus is not { } status || !PollingPolicy.IsFinal(status))
            {
                var within = polling.Get(carrier.Name).FirstLookupWithin;
                session.QueueSqlCommand(schedule.WatchSql, parcel.Id, time.GetUtcNow() + within * Random.Shared.NextDouble());
            }

            Save(session, parcel, isNew);
            return new RouteResult(parcel.Scans.Count, 1, 0);
        }, ct);

    /// <summary>Stops watching a withdrawn shipment; when no one watches the parcel any more, its polling stops too.</summary>
    public Task UnwatchAsync(ShipmentWithdrawn withdrawn, CancellationToken ct) =>
        WithRetriesAsync(TrackingNumbers.Normalise(withdrawn.TrackingNumber), (session, parcel, isNew, _) =>
        {
            if (isNew || parcel.Watchers.RemoveAll(w => w.TenantId == withdrawn.TenantId && w.ShipmentId == withdrawn.ShipmentId) == 0)
            {
                return Task.FromResult(RouteResult.Nothing); // never watched, or a redelivered withdrawal
            }

            if (parcel.Watchers.Count == 0)
            {
                session.QueueSqlCommand(schedule.StopSql, "Withdrawn", parcel.Id);
            }

            Save(session, parcel, isNew);
            return Task.FromResult(RouteResult.Nothing);
        }, ct);

    /// <summary>
    /// What the carrier offers for the parcel (<see cref="DeliveryChanges.ICarrierDeliveryOffers"/>), to each of
    /// <paramref name="watchers"/>, while the parcel's journey goes on; once per offer across retries.
    /// </summary>
    private async Task OfferAsync(
        IPublishEndpoint publisher, WatchedParcel parcel, IReadOnlyList<ParcelWatcher> watchers, CancellationToken ct, ISet<(Guid, string)> sent)
    {
        var now = time.GetUtcNow();
        if (_offers is null || (parcel.LastStatus is { } status && (PollingPolicy.IsFinal(status) || status == TrackingStatus.OutForDelivery))
            || _offers.OfferFor(parcel, parcel.EstimateScan()?.CarrierEstimate, now) is not { } offer)
        {
            return;
        }

        var basis = parcel.EstimateScan()?.EventId.ToString() ?? "watch";
        foreach (var watcher in watchers)
        {
            var message = offer.For(watcher, carrier.Name, parcel.Id, basis, now);
            if (sent.Add((message.OfferId, watcher.TenantId)))
            {
                await publisher.Publish(message, ct);
            }
        }
    }

    public async Task<WatchedParcel?> FindAsync(string trackingNumber, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<WatchedParcel>(TrackingNumbers.Normalise(trackingNumber), ct);
    }

    private static void Save(IDocumentSession session, WatchedParcel parcel, bool isNew)
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

    private async Task<RouteResult> WithRetriesAsync(
        string id, Func<IDocumentSession, WatchedParcel, bool, ISet<(Guid, string)>, Task<RouteResult>> change, CancellationToken ct)
    {
        // What this call has published, across its attempts: a retry after a conflict does not publish it again.
        var sent = new HashSet<(Guid, string)>();
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var existing = await session.LoadAsync<WatchedParcel>(id, ct);
            var parcel = existing ?? new WatchedParcel { Id = id, FirstSeenAt = time.GetUtcNow() };
            var result = await change(session, parcel, existing is null, sent);
            try
            {
                // Once messages are out, the record of them must be saved even if the host is stopping: cancelling here
                // would have the next instance publish them again.
                await session.SaveChangesAsync(sent.Count > 0 ? CancellationToken.None : ct);
                return result;
            }
            catch (Exception e) when (e is JasperFx.ConcurrencyException or DocumentAlreadyExistsException && attempt < MaxAttempts)
            {
                logger.LogDebug("Watch list conflict on attempt {Attempt}; retrying", attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 40) * attempt), ct);
            }
        }
    }
}

/// <summary>What routing did: scans published, to how many tenants, and how many new ones were kept for a shipment not registered yet.</summary>
public sealed record RouteResult(int Published, int Tenants, int Kept)
{
    public static readonly RouteResult Nothing = new(0, 0, 0);
}
