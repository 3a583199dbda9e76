using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Timeline.Tenancy;

namespace Shipping.Timeline.Performance;

/// <summary>
/// One route's delivery performance: a null region or service means "any" (a coarser key pooling the finer ones).
/// <c>MedianDays</c>/<c>Percentile90Days</c> of 31 mean more than 30 days.
/// </summary>
public sealed record RoutePerformance(
    string Carrier, string? Service, string? OriginRegion, string? DestinationRegion, int Delivered, int? MedianDays, int? Percentile90Days);

public static class PerformanceEndpoint
{
    /// <summary>At most this many routes in one answer, the busiest first.</summary>
    public const int MaxRoutes = 500;

    public static RouteGroupBuilder MapPerformance(this RouteGroupBuilder performance)
    {
        performance.MapGet("/", GetAsync)
            .WithName("GetDeliveryPerformance")
            .WithSummary("Delivered shipments per carrier, service and route (postcode regions), with median and 90th-percentile transit days from handover to delivery. Built asynchronously.");
        return performance;
    }

    private static async Task<Results<Ok<IReadOnlyList<RoutePerformance>>, ValidationProblem>> GetAsync(
        string? carrier, string? service, HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        var carrierName = carrier?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(carrierName))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["carrier"] = ["Required: the carrier's name, e.g. dhl."] },
                title: "The request has invalid fields");
        }

        var serviceName = string.IsNullOrWhiteSpace(service) ? null : service.Trim().ToLowerInvariant();
        await using var session = store.QuerySession(http.User.TenantId());
        var query = session.Query<DeliveryPerformance>().Where(p => p.Carrier == carrierName && p.Count > 0);
        if (serviceName is not null)
        {
            query = query.Where(p => p.Service == serviceName);
        }

        var docs = await query.OrderByDescending(p => p.Count).Take(MaxRoutes).ToListAsync(ct);
        IReadOnlyList<RoutePerformance> routes = [.. docs.Select(d => new RoutePerformance(
            d.Carrier, d.Service, d.OriginRegion, d.DestinationRegion, d.Count, d.MedianDays(), d.Percentile90Days()))];
        return TypedResults.Ok(routes);
    }
}
