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

        var changed = new List<DeliveryTransit>();
        var deltas = new List<(TransitSample Sample, int Sign)>();
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            var transit = transits.GetValueOrDefault(stream.Key) ?? new DeliveryTransit { Id = stream.Key };
            var any = false;
            foreach (var e in stream)
            {
                any |= transit.Apply(e.Data);
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

        var writer = operations.ForTenant(tenantId);
        writer.Store(changed.ToArray());
        if (deltas.Count == 0)
        {
            return;
        }

        var keyIds = deltas.SelectMany(d => d.Sample.Keys).Distinct().ToArray();
        var stats = (await reader.LoadManyAsync<DeliveryPerformance>(ct, keyIds)).ToDictionary(d => d.Id);
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
            }
        }

        writer.Store(stats.Values.ToArray());
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
