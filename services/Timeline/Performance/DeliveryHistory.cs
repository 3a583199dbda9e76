using Marten;
using Shipping.Contracts;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.Performance;

/// <summary>
/// This platform's own delivery history for some routes (the tenant's <see cref="DeliveryPerformance"/> documents), and
/// the prediction made from it. Pure once loaded: decisions take it as an argument.
/// </summary>
public sealed class DeliveryHistory(IReadOnlyDictionary<string, DeliveryPerformance> byKey)
{
    /// <summary>Fewer delivered shipments than this on a key predict nothing: the next coarser key is tried.</summary>
    public const int MinSamples = 10;

    public static readonly DeliveryHistory Empty = new(new Dictionary<string, DeliveryPerformance>());

    /// <summary>
    /// The expected delivery for a parcel on <paramref name="route"/> that starts its journey on <paramref name="from"/>
    /// (the handover day, or before handover the registration day): from + median transit days, up to from + the 90th
    /// percentile. Taken from the most specific key with at least <see cref="MinSamples"/> deliveries; null when none has.
    /// </summary>
    public HistoryPrediction? Predict(string carrier, ShipmentRoute? route, DateOnly from)
    {
        foreach (var key in RouteKeys.For(carrier, route))
        {
            if (byKey.TryGetValue(key.Id, out var stats) && stats.Count >= MinSamples
                && stats.MedianDays() is { } median && stats.Percentile90Days() is { } p90)
            {
                var estimate = new DeliveryEstimate(from.AddDays(median), LatestDate: p90 > median ? from.AddDays(p90) : null);
                return new HistoryPrediction(estimate, ConfidenceFor(stats.Count), key, stats.Count);
            }
        }

        return null;
    }

    /// <summary>10–49 deliveries: Low; 50–199: Medium; 200 or more: High.</summary>
    public static EstimateConfidence ConfidenceFor(int samples) => samples switch
    {
        >= 200 => EstimateConfidence.High,
        >= 50 => EstimateConfidence.Medium,
        _ => EstimateConfidence.Low,
    };

    /// <summary>Loads, in one round trip, the documents every key of these routes may use (the session's tenant's own).</summary>
    public static async Task<DeliveryHistory> LoadAsync(IQuerySession session, IEnumerable<(string Carrier, ShipmentRoute? Route)> routes, CancellationToken ct)
    {
        var ids = routes.SelectMany(r => RouteKeys.For(r.Carrier, r.Route)).Select(k => k.Id).Distinct().ToArray();
        if (ids.Length == 0)
        {
            return Empty;
        }

        var docs = await session.LoadManyAsync<DeliveryPerformance>(ct, ids);
        return new DeliveryHistory(docs.ToDictionary(d => d.Id));
    }
}

/// <summary>A prediction from history, with the key it came from and how many deliveries back it.</summary>
public sealed record HistoryPrediction(DeliveryEstimate Estimate, EstimateConfidence Confidence, RouteKey Key, int Samples);
