using Refit;

namespace Shipping.Contracts.Api;

/// <summary>
/// Timeline's API as the platform's own services call it (Web's tracking page): each call names the tenant it acts for
/// in <c>X-Tenant-Id</c>; the service key (<c>X-Service-Key</c>) is added by a message handler of the caller, so it never
/// appears in a signature. Errors come back as RFC 7807 problem details (Refit raises <see cref="ApiException"/>).
/// Register with <c>services.AddRefitGeneratedClient&lt;ITimelineServiceApi&gt;()</c> plus the handler.
/// </summary>
public interface ITimelineServiceApi
{
    public const string TenantHeader = "X-Tenant-Id";
    public const string ServiceKeyHeader = "X-Service-Key";

    /// <summary>An order found by its number and the delivery postcode or the customer's email; 404 when anything does not match.</summary>
    [Post("/api/tracking/lookup")]
    Task<TrackingLookupResult> LookupAsync([Header(TenantHeader)] string tenant, [Body] TrackingLookup lookup, CancellationToken ct = default);

    /// <summary>The order as the tracking page shows it (contact data masked).</summary>
    [Get("/api/tracking/orders/{orderNumber}")]
    Task<TrackedOrder> GetTrackedOrderAsync([Header(TenantHeader)] string tenant, string orderNumber, CancellationToken ct = default);

    /// <summary>A shipment now, with the delivery changes still allowed and those asked for.</summary>
    [Get("/api/shipments/{shipmentId}")]
    Task<ShipmentDetails> GetShipmentAsync([Header(TenantHeader)] string tenant, Guid shipmentId, CancellationToken ct = default);

    /// <summary>The tenant's brand settings.</summary>
    [Get("/api/brand")]
    Task<BrandSettings> GetBrandAsync([Header(TenantHeader)] string tenant, CancellationToken ct = default);
}
