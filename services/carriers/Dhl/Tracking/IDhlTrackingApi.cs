using Refit;

namespace Shipping.Carriers.Dhl.Tracking;

/// <summary>DHL Shipment Tracking – Unified, v1 (<c>GET /track/shipments</c>). The API key is added by <see cref="DhlApiKeyHandler"/>.</summary>
public interface IDhlTrackingApi
{
    /// <param name="service">DHL's hint which of its services knows the number; null lets DHL search them all.</param>
    /// <param name="language">Preferred response language; DHL answers in it where the service supports it.</param>
    [Get("/track/shipments")]
    Task<DhlShipmentsResponse> GetShipmentsAsync(
        [AliasAs("trackingNumber")] string trackingNumber,
        [AliasAs("service")] string? service,
        [AliasAs("language")] string? language,
        CancellationToken ct);
}
