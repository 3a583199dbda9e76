using Refit;

namespace Shipping.Contracts.Api;

/// <summary>
/// Timeline's API as the platform's own services call it (Web's tracking page): each call names the tenant it acts for
/// in <c>X-Tenant-Id</c>; the service key (<c>X-Service-Key</c>) is added by a message handler of the caller, so it never
/// appears in a signature. Errors come back as RFC 7807 problem details (Refit raises <see cref="ApiException"/>).
/// Register with <c>services.AddRefitGeneratedClient&lt;ITimelineServiceApi&gt;()</c> plus the handler.
/// The support console uses the calls below the tracking page's: they return the customer's full contact data.
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

    /// <summary>The order with every shipment's status and the customer's full contact data.</summary>
    [Get("/api/orders/{orderNumber}")]
    Task<OrderSummary> GetOrderAsync([Header(TenantHeader)] string tenant, string orderNumber, CancellationToken ct = default);

    /// <summary>Orders matching an order number, tracking number, email or phone; the query goes in the body, never the URL.</summary>
    [Post("/api/search")]
    Task<OrderSearchResult> SearchAsync([Header(TenantHeader)] string tenant, [Body] OrderSearchRequest request, CancellationToken ct = default);

    /// <summary>Every fact about the order's shipments, newest first, with who or what said so.</summary>
    [Get("/api/orders/{orderNumber}/history")]
    Task<OrderHistory> GetOrderHistoryAsync([Header(TenantHeader)] string tenant, string orderNumber, CancellationToken ct = default);

    /// <summary>A shipment as Timeline knew it at <paramref name="at"/>.</summary>
    [Get("/api/shipments/{shipmentId}/as-of")]
    Task<ShipmentDetails> GetShipmentAsOfAsync(
        [Header(TenantHeader)] string tenant, Guid shipmentId, [Query(Format = "O")] DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Everything held about the customer of one order.</summary>
    [Get("/api/orders/{orderNumber}/export")]
    Task<CustomerDataExport> ExportOrderAsync([Header(TenantHeader)] string tenant, string orderNumber, CancellationToken ct = default);

    /// <summary>Erases the personal data of one order's customer; erasing again changes nothing.</summary>
    [Post("/api/orders/{orderNumber}/erasure")]
    Task<CustomerErasure> EraseOrderAsync([Header(TenantHeader)] string tenant, string orderNumber, CancellationToken ct = default);

    /// <summary>Adds a support agent's note to the order (or one of its shipments); it shows in the order's history.</summary>
    [Post("/api/orders/{orderNumber}/notes")]
    Task<AgentNote> AddNoteAsync([Header(TenantHeader)] string tenant, string orderNumber, [Body] AddAgentNote note, CancellationToken ct = default);

    /// <summary>The customer rates the order's delivery (1–5 stars, optional comment); 409 before a shipment is delivered.</summary>
    [Post("/api/orders/{orderNumber}/rating")]
    Task<DeliveryRating> RateDeliveryAsync([Header(TenantHeader)] string tenant, string orderNumber, [Body] RateDelivery rating, CancellationToken ct = default);

    /// <summary>Sets the tenant's brand settings.</summary>
    [Put("/api/brand")]
    Task<BrandSettings> SetBrandAsync([Header(TenantHeader)] string tenant, [Body] BrandSettings brand, CancellationToken ct = default);

    /// <summary>Every tenant's brand settings (platform service key only; no tenant header).</summary>
    [Get("/api/brands")]
    Task<IReadOnlyList<TenantBrand>> ListBrandsAsync(CancellationToken ct = default);

    /// <summary>The tenant's figures over UTC days <paramref name="from"/> to <paramref name="to"/>, inclusive (at most 366 days).</summary>
    [Get("/api/dashboard")]
    Task<DashboardFigures> GetDashboardAsync(
        [Header(TenantHeader)] string tenant, [Query(Format = "yyyy-MM-dd")] DateOnly from, [Query(Format = "yyyy-MM-dd")] DateOnly to, CancellationToken ct = default);
}
