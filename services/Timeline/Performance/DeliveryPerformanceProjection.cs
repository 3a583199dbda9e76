using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Shipping.Timeline.Performance;

/// <summary>
/// Delivery performance per carrier, service and route (async, per tenant). A page of events is folded into each
/// shipment's <see cref="DeliveryTransit"/> (route from ShipmentOpened, handover and delivery from its scans, whichever
/// page they come in); when a shipment's measurable transit changes, what it was counted as is taken out of the
/// <see cref="DeliveryPerformance"/> histograms and the new sample put in. So a shipment counts once, whatever the order
/// or repetition of its scans. The daemon applies one page after another, so reading the last page's documents back is safe.
/// </summary>
public sealed class DeliveryPerformanceProjection : IProjection
{
    public const string Name = "delivery-performance";

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var tenant in events.Where(e => DeliveryTransit.Matters(e.Data)).GroupBy(e => e.TenantId))
        {
            await ApplyTenantAsync(operations, tenant.Key, [.. tenant], cancellation);
        }
    }

    private static async Task ApplyTenantAsync(IDocumentOperations operations, string tenantId, IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        await using var reader = operations.DocumentStore.QuerySession(tenantId);
        var ids = events.Select(e => e.StreamId).Distinct().ToArray();
        var transits = (await reader.LoadManyAsync<DeliveryTransit>(ct, ids)).ToDictionary(t => t.Id);

        var (changed, deltas) = Fold(transits, events.Select(e => (e.StreamId, e.Data)));
        var writer = operations.ForTenant(tenantId);
        writer.Store(changed.ToArray());
        if (deltas.Count == 0)
        {
            return;
        }

        var keyIds = deltas.SelectMany(d => d.Sample.Keys).Distinct().ToArray();
        var stats = (await reader.LoadManyAsync<DeliveryPerformance>(ct, keyIds)).ToDictionary(d => d.Id);
        writer.Store(Count(stats, deltas).ToArray());
    }

    /// <summary>
    /// Folds a page of one tenant's events into the shipments' transits (<paramref name="transits"/>, updated in place,
    /// new ones added): the transits that changed, and what to take out of (-1) and put into (+1) the histograms.
    /// </summary>
    public static (IReadOnlyList<DeliveryTransit> Changed, IReadOnlyList<(TransitSample Sample, int Sign)> Deltas) Fold(
        IDictionary<Guid, DeliveryTransit> transits, IEnumerable<(Guid StreamId, object Data)> events)
    {
        var changed = new List<DeliveryTransit>();
        var deltas = new List<(TransitSample Sample, int Sign)>();
        foreach (var stream in events.Where(e => DeliveryTransit.Matters(e.Data)).GroupBy(e => e.StreamId))
        {
            if (!transits.TryGetValue(stream.Key, out var transit))
            {
                transit = new DeliveryTransit { Id = stream.Key };
                transits[stream.Key] = transit;
            }

            var any = false;
            foreach (var (_, data) in stream)
            {
                any |= transit.Apply(data);
            }

            if (!any)
            {
                continue;
            }

            var sample = transit.Sample();
            if (!(sample?.SameAs(transit.Counted) ?? transit.Counted is null))
            {
                if (transit.Counted is { } before)
                {
                    deltas.Add((before, -1));
                }

                if (sample is not null)
                {
                    deltas.Add((sample, +1));
                }

                transit.Counted = sample;
            }

            changed.Add(transit);
        }

        return (changed, deltas);
    }

    /// <summary>Applies the deltas to the performance documents (<paramref name="stats"/> by id, new ones added); returns those touched.</summary>
    public static IReadOnlyList<DeliveryPerformance> Count(IDictionary<string, DeliveryPerformance> stats, IEnumerable<(TransitSample Sample, int Sign)> deltas)
    {
        var touched = new Dictionary<string, DeliveryPerformance>();
        foreach (var (sample, sign) in deltas)
        {
            foreach (var id in sample.Keys)
            {
                if (!stats.TryGetValue(id, out var doc))
                {
                    doc = New(id);
                    stats[id] = doc;
                }

                doc.Add(sample.Days, sign);
                touched[id] = doc;
            }
        }

        return [.. touched.Values];
    }

    private static DeliveryPerformance New(string id)
    {
        var parts = id.Split('|');
        string? Part(int i) => parts.Length > i && parts[i] != RouteKeys.Any ? parts[i] : null;
        return new DeliveryPerformance
        {
            Id = id, Carrier = parts[0], Service = Part(1), OriginRegion = Part(2), DestinationRegion = Part(3),
        };
    }
}
