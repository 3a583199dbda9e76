using System.Net;
using Refit;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.ServiceDefaults;

namespace Shipping.Web.Tracking;

/// <summary>Reads what a tracking link grants from Timeline: the order (for that link's tenant only), its shipments and the brand.</summary>
public sealed class TrackingPageReader(ITimelineServiceApi timeline, TrackingLinks links, TimeProvider time)
{
    public TrackingLink? Validate(string? token) => links.Validate(token, time.GetUtcNow());

    /// <summary>The page, or null when the order is not (or no longer) there.</summary>
    public async Task<TrackingPage?> ReadAsync(TrackingLink link, string token, CancellationToken ct)
    {
        TrackedOrder order;
        try
        {
            order = await timeline.GetTrackedOrderAsync(link.Tenant, link.OrderNumber, ct);
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var brand = ReadBrandAsync(link.Tenant, ct);
        var shipments = await Task.WhenAll(order.ShipmentIds.Select(id => timeline.GetShipmentAsync(link.Tenant, id, ct)));
        return new TrackingPage(link.Tenant, token, await brand, order, shipments, TrackingPresentation.ZoneOf(order.TimeZone));
    }

    public async Task<BrandSettings> ReadBrandAsync(string tenant, CancellationToken ct)
    {
        try
        {
            return await timeline.GetBrandAsync(tenant, ct);
        }
        catch (Exception e) when (e is ApiException or ApiRequestException or HttpRequestException)
        {
            return BrandSettings.Default(tenant);
        }
    }

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
}
