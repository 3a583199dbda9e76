using Refit;

namespace Shipping.Contracts.Api;

/// <summary>
/// Timeline's read API, for Web (tracking page, support console) and retailers. Every call carries the retailer's
/// API key, which names the tenant. Errors come back as RFC 7807 problem details (Refit raises <see cref="ValidationApiException"/>, whose Content holds them):
/// 404 for an unknown order or shipment, 400 for malformed input, 401 for a missing or unknown key.
/// Register with <c>services.AddRefitGeneratedClient&lt;ITimelineApi&gt;()</c>.
/// </summary>
public interface ITimelineApi
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The order with every shipment's status (built asynchronously: may lag a scan by a moment).</summary>
    [Get("/api/orders/{orderNumber}")]
    Task<OrderSummary> GetOrderAsync([Header(ApiKeyHeader)] string apiKey, string orderNumber, CancellationToken ct = default);

    /// <summary>The order's shipments with their carrier events in time order.</summary>
    [Get("/api/orders/{orderNumber}/timeline")]
    Task<OrderTimeline> GetOrderTimelineAsync([Header(ApiKeyHeader)] string apiKey, string orderNumber, CancellationToken ct = default);

    /// <summary>A shipment now, with the delivery changes still allowed.</summary>
    [Get("/api/shipments/{shipmentId}")]
    Task<ShipmentDetails> GetShipmentAsync([Header(ApiKeyHeader)] string apiKey, Guid shipmentId, CancellationToken ct = default);

    /// <summary>A shipment as Timeline knew it at <paramref name="at"/> (events recorded up to then).</summary>
    [Get("/api/shipments/{shipmentId}/as-of")]
    Task<ShipmentDetails> GetShipmentAsOfAsync(
        [Header(ApiKeyHeader)] string apiKey, Guid shipmentId, [Query(Format = "O")] DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Orders matching an order number, tracking number, email or phone, written in any usual form.</summary>
    [Get("/api/search")]
    Task<OrderSearchResult> SearchAsync([Header(ApiKeyHeader)] string apiKey, [AliasAs("q")] string query, CancellationToken ct = default);

    /// <summary>The tenant's brand settings (a neutral default until the retailer sets them).</summary>
    [Get("/api/brand")]
    Task<BrandSettings> GetBrandAsync([Header(ApiKeyHeader)] string apiKey, CancellationToken ct = default);
    /// <summary>Everything held about the customer of one order, as JSON.</summary>
    [Get("/api/orders/{orderNumber}/export")]
    Task<CustomerDataExport> ExportOrderAsync([Header(ApiKeyHeader)] string apiKey, string orderNumber, CancellationToken ct = default);

    /// <summary>Everything held about a customer (every order of theirs, found by email or phone), as JSON. 404 when no order has them.</summary>
    [Post("/api/customers/export")]
    Task<CustomerDataExport> ExportCustomerAsync([Header(ApiKeyHeader)] string apiKey, [Body] CustomerLookup customer, CancellationToken ct = default);

    /// <summary>Erases the personal data of one order's customer; the shipments' carrier history stays. Erasing again changes nothing.</summary>
    [Post("/api/orders/{orderNumber}/erasure")]
    Task<CustomerErasure> EraseOrderAsync([Header(ApiKeyHeader)] string apiKey, string orderNumber, CancellationToken ct = default);

    /// <summary>Erases the personal data of every order of a customer, found by email or phone. 404 when no order has them.</summary>
    [Post("/api/customers/erasure")]
    Task<CustomerErasure> EraseCustomerAsync([Header(ApiKeyHeader)] string apiKey, [Body] CustomerLookup customer, CancellationToken ct = default);
}
