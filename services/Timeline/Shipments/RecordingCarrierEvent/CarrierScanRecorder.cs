using Marten;
using Shipping.Contracts;
using Shipping.Timeline.Performance;

namespace Shipping.Timeline.Shipments.RecordingCarrierEvent;

/// <summary>
/// Records a batch of carrier scans: each on the stream of every shipment of its tenant that uses its carrier and
/// tracking number. The whole batch, whatever tenants its scans are of, is one transaction: one query finds the
/// shipments of all its tracking numbers, one round trip per tenant fetches their streams for writing, the delivery
/// history is read once per tenant if any scan needs it, and one <c>SaveChangesAsync</c> appends everything with
/// optimistic concurrency (every stream at the version it was read at). A platform serves many retailers, so a batch
/// holds a few scans of each: a transaction per tenant would cost more than the scans themselves. Several scans of one
/// shipment are decided one after another on the evolving state, so a batch decides exactly what the same scans one
/// message at a time would: a duplicate changes nothing, an older scan after a newer one takes its place without
/// moving the status.
/// </summary>
public sealed class CarrierScanRecorder(IDocumentStore store, TimeProvider time, ILogger<CarrierScanRecorder> logger)
{
    /// <summary>Records the scans; a concurrent append to one of the streams throws <see cref="JasperFx.ConcurrencyException"/> (retry the batch).</summary>
    /// <returns>How many scans matched no shipment of their tenant (ignored).</returns>
    public async Task<int> RecordAsync(IReadOnlyCollection<TrackingEventObserved> scans, CancellationToken ct)
    {
        if (scans.Count == 0)
        {
            return 0;
        }

        var tenants = scans.Select(s => s.TenantId).Distinct(StringComparer.Ordinal).ToArray();
        var numbers = scans.Select(s => s.TrackingNumber).Distinct(StringComparer.Ordinal).ToArray();

        // The session is the first tenant's; the others' work joins its unit of work through ForTenant.
        await using var session = store.LightweightSession(tenants[0]);
        var candidates = await session.Query<ShipmentView>()
            .Where(s => s.TenantIsOneOf(tenants) && numbers.Contains(s.TrackingNumber))
            .Select(s => new { s.Id, s.TenantId, s.Carrier, s.TrackingNumber })
            .ToListAsync(ct);
        var byKey = candidates.ToLookup(c => (c.TenantId ?? "", c.Carrier, c.TrackingNumber));

        var scansByShipment = new Dictionary<(string Tenant, Guid Id), List<TrackingEventObserved>>();
        var unmatched = 0;
        foreach (var scan in scans)
        {
            var carrier = scan.Carrier.ToLowerInvariant();
            var matches = byKey[(scan.TenantId, carrier, scan.TrackingNumber)].ToList();
            if (matches.Count == 0)
            {
                unmatched++;
                logger.LogInformation("Scan {EventId} from {Carrier} matches no shipment of tenant {Tenant}; ignored", scan.EventId, carrier, scan.TenantId);
                continue;
            }

            foreach (var match in matches)
            {
                if (!scansByShipment.TryGetValue((scan.TenantId, match.Id), out var list))
                {
                    scansByShipment[(scan.TenantId, match.Id)] = list = [];
                }

                list.Add(scan);
            }
        }

        var now = time.GetUtcNow();
        var appended = false;
        foreach (var tenant in scansByShipment.GroupBy(s => s.Key.Tenant, StringComparer.Ordinal))
        {
            IDocumentOperations operations = tenant.Key == session.TenantId ? session : session.ForTenant(tenant.Key);
            appended |= await AppendAsync(operations, tenant.ToDictionary(s => s.Key.Id, s => s.Value), now, ct);
        }

        if (appended)
        {
            await session.SaveChangesAsync(ct);
        }

        return unmatched;
    }

    /// <summary>Decides the scans of one tenant's shipments and appends what they decide to the unit of work.</summary>
    /// <returns>Whether anything was appended.</returns>
    private static async Task<bool> AppendAsync(IDocumentOperations operations, Dictionary<Guid, List<TrackingEventObserved>> scansByShipment, DateTimeOffset now, CancellationToken ct)
    {
        var streams = await operations.Events.FetchManyForWriting<Shipment>(scansByShipment.Keys.ToList(), ct);

        // History is read only when a scan could move a prediction (a handover without a carrier estimate), and then
        // once for every route of the batch that may need it. Recording scans only ever narrows what NeedsHistory
        // accepts, so asking against the state before the batch finds every route asked for below.
        var needingHistory = streams
            .Where(s => s.Aggregate is not null && scansByShipment[s.Id].Any(scan => ShipmentDecider.NeedsHistory(s.Aggregate, scan)))
            .Select(s => (s.Aggregate!.Carrier, s.Aggregate.Route))
            .Distinct()
            .ToList();
        var history = needingHistory.Count > 0 ? await DeliveryHistory.LoadAsync(operations, needingHistory, ct) : null;

        var appended = false;
        foreach (var stream in streams)
        {
            if (stream.Aggregate is null)
            {
                continue;
            }

            var events = Decide(stream.Aggregate, scansByShipment[stream.Id], now, history);
            if (events.Count > 0)
            {
                stream.AppendMany(events);
                appended = true;
            }
        }

        return appended;
    }

    /// <summary>
    /// The events recording <paramref name="scans"/> on <paramref name="shipment"/> one after another decides: each scan
    /// is decided on the state the scans before it left, with the history only when that state says it may need it.
    /// </summary>
    public static IReadOnlyList<object> Decide(Shipment shipment, IEnumerable<TrackingEventObserved> scans, DateTimeOffset now, DeliveryHistory? history)
    {
        var events = new List<object>();
        var state = shipment;
        foreach (var scan in scans)
        {
            var decided = ShipmentDecider.RecordCarrierEvent(state, scan, now, history is not null && ShipmentDecider.NeedsHistory(state, scan) ? history : null);
            foreach (var e in decided)
            {
                state = Evolve(state, e);
            }

            events.AddRange(decided);
        }

        return events;
    }

    /// <summary>The shipment after one of the events <see cref="ShipmentDecider.RecordCarrierEvent"/> decides.</summary>
    private static Shipment Evolve(Shipment state, object e) => e switch
    {
        CarrierEventRecorded x => state.Apply(x),
        StatusChanged x => state.Apply(x),
        CarrierEstimateRevised x => state.Apply(x),
        ExpectedDeliveryRevised x => state.Apply(x),
        DelayDetected x => state.Apply(x),
        _ => throw new InvalidOperationException($"Recording a scan decided an unexpected {e.GetType().Name}."),
    };
}
