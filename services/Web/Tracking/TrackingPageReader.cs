using System.Net;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Refit;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.ServiceDefaults;

namespace Shipping.Web.Tracking;

/// <summary>
/// Reads what a tracking link grants from Timeline: the order (for that link's tenant only), its shipments and the brand.
/// What Timeline answered is kept in memory for a few seconds (<c>Web:Tracking:CacheFor</c>, the brand for
/// <c>Web:Tracking:BrandCacheFor</c>), keyed by tenant and order number, so a page asked for often costs Timeline one read;
/// a customer's own request drops their order's entry (<see cref="Forget"/>). Only data is cached, never a rendered page:
/// each answer is rendered for its own request (its own anti-forgery token, language and link).
/// </summary>
public sealed class TrackingPageReader(ITimelineServiceApi timeline, TrackingLinks links, TimeProvider time, IMemoryCache cache, IOptions<WebOptions> options)
{
    private WebOptions.TrackingSettings Settings => options.Value.Tracking;

    public TrackingLink? Validate(string? token) => links.Validate(token, time.GetUtcNow());

    /// <summary>The page, or null when the order is not (or no longer) there.</summary>
    public async Task<TrackingPage?> ReadAsync(TrackingLink link, string token, CancellationToken ct)
    {
        var brand = ReadBrandAsync(link.Tenant, ct);
        var order = await Cached(OrderKey(link), Settings.CacheFor, async () =>
        {
            TrackedOrder found;
            try
            {
                found = await timeline.GetTrackedOrderAsync(link.Tenant, link.OrderNumber, ct);
            }
            catch (ApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            return new CachedOrder(found, await Task.WhenAll(found.ShipmentIds.Select(id => timeline.GetShipmentAsync(link.Tenant, id, ct))));
        });
        return order is null
            ? null
            : new TrackingPage(link.Tenant, token, await brand, order.Order, order.Shipments, TrackingPresentation.ZoneOf(order.Order.TimeZone));
    }

    /// <summary>Drops what is kept of the link's order, so the next page shows what Timeline holds now.</summary>
    public void Forget(TrackingLink link) => cache.Remove(OrderKey(link));

    public async Task<BrandSettings> ReadBrandAsync(string tenant, CancellationToken ct) =>
        await Cached(("brand", tenant), Settings.BrandCacheFor, async () =>
        {
            try
            {
                return await timeline.GetBrandAsync(tenant, ct);
            }
            catch (Exception e) when (e is ApiException or ApiRequestException or HttpRequestException)
            {
                // Not kept: the next page asks again.
                return null;
            }
        }) ?? BrandSettings.Default(tenant);

    /// <summary>A shipment of the link's order, or null (another order's shipment, or none).</summary>
    public async Task<ShipmentDetails?> ReadShipmentAsync(TrackingLink link, Guid shipmentId, CancellationToken ct)
    {
        try
        {
            var shipment = await timeline.GetShipmentAsync(link.Tenant, shipmentId, ct);
            return string.Equals(shipment.OrderNumber, link.OrderNumber, StringComparison.Ordinal) ? shipment : null;
        }
        catch (ApiException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            return null;
        }
    }

    private static (string, string, string) OrderKey(TrackingLink link) => ("tracking", link.Tenant, link.OrderNumber);

    /// <summary>The value kept under <paramref name="key"/>, else read (and kept for <paramref name="lifetime"/> unless null).</summary>
    private async Task<T?> Cached<T>(object key, TimeSpan lifetime, Func<Task<T?>> read) where T : class
    {
        if (lifetime > TimeSpan.Zero && cache.TryGetValue(key, out T? kept))
        {
            return kept;
        }

        var value = await read();
        if (value is not null && lifetime > TimeSpan.Zero)
        {
            cache.Set(key, value, lifetime);
        }

        return value;
    }

    private sealed record CachedOrder(TrackedOrder Order, IReadOnlyList<ShipmentDetails> Shipments);
}
