using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.Performance;

/// <summary>
/// How long delivered parcels took on one route of a carrier, per tenant (documents are conjoined-tenanted): a histogram of
/// transit days, so the median and 90th percentile are exact while the document stays small. Id: <see cref="RouteKeys"/>.
/// A null part means "any" (a coarser fallback key). Kept by <see cref="DeliveryPerformanceProjection"/> (async).
/// </summary>
public sealed class DeliveryPerformance
{
    public string Id { get; set; } = "";
    public string Carrier { get; set; } = "";
    public string? Service { get; set; }
    public string? OriginRegion { get; set; }
    public string? DestinationRegion { get; set; }

    /// <summary>Delivered shipments counted.</summary>
    public int Count { get; set; }

    /// <summary>Shipments by transit days: index d counts d days (0..30); the last bucket counts more than 30.</summary>
    public int[] TransitDays { get; set; } = new int[TransitHistogram.Buckets];

    public int? MedianDays() => TransitHistogram.Percentile(TransitDays, 0.5);

    public int? Percentile90Days() => TransitHistogram.Percentile(TransitDays, 0.9);

    /// <summary>Adds (+1) or removes (-1) one shipment's transit.</summary>
    public void Add(int days, int sign)
    {
        if (TransitDays.Length < TransitHistogram.Buckets)
        {
            TransitDays = [.. TransitDays, .. new int[TransitHistogram.Buckets - TransitDays.Length]];
        }

        TransitDays[TransitHistogram.BucketOf(days)] += sign;
        Count += sign;
    }
}

/// <summary>The transit-day histogram's math: bounded buckets and exact nearest-rank percentiles.</summary>
public static class TransitHistogram
{
    /// <summary>Longest transit counted to the day; longer ones share one bucket, reported as <see cref="MaxDays"/> + 1.</summary>
    public const int MaxDays = 30;

    public const int Buckets = MaxDays + 2;

    public static int BucketOf(int days) => Math.Clamp(days, 0, MaxDays + 1);

    /// <summary>
    /// The nearest-rank percentile: the smallest day count d such that at least <paramref name="p"/> of the shipments took
    /// d days or fewer. Null when there is no shipment. <see cref="MaxDays"/> + 1 means "more than <see cref="MaxDays"/>".
    /// </summary>
    public static int? Percentile(IReadOnlyList<int> histogram, double p)
    {
        var total = histogram.Sum();
        if (total <= 0)
        {
            return null;
        }

        var rank = Math.Max(1, (int)Math.Ceiling(p * total));
        var seen = 0;
        for (var days = 0; days < histogram.Count; days++)
        {
            seen += histogram[days];
            if (seen >= rank)
            {
                return days;
            }
        }

        return histogram.Count - 1;
    }
}

/// <summary>
/// The keys a delivered shipment counts under, most specific first: carrier|service|origin|destination, then
/// carrier|service|*|destination, carrier|service|*|*, carrier|*|*|*. A key is used only when every part it names is
/// known (an unknown part never pools with "any").
/// </summary>
public static class RouteKeys
{
    public const string Any = "*";

    public static IReadOnlyList<RouteKey> For(string carrier, ShipmentRoute? route)
    {
        var (service, origin, destination) = (route?.Service, route?.OriginRegion, route?.DestinationRegion);
        var keys = new List<RouteKey>(4);
        if (service is not null && origin is not null && destination is not null)
        {
            keys.Add(new RouteKey(carrier, service, origin, destination));
        }

        if (service is not null && destination is not null)
        {
            keys.Add(new RouteKey(carrier, service, null, destination));
        }

        if (service is not null)
        {
            keys.Add(new RouteKey(carrier, service, null, null));
        }

        keys.Add(new RouteKey(carrier, null, null, null));
        return keys;
    }
}

/// <summary>One route of a carrier; a null part means any.</summary>
public sealed record RouteKey(string Carrier, string? Service, string? OriginRegion, string? DestinationRegion)
{
    public string Id => string.Join('|', Carrier, Service ?? RouteKeys.Any, OriginRegion ?? RouteKeys.Any, DestinationRegion ?? RouteKeys.Any);
}
