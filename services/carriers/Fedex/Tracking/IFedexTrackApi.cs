using Refit;

namespace Shipping.Carriers.Fedex.Tracking;

/// <summary>FedEx Track API (TrackingNumbers-Resource.json). The bearer token is added by the client-credentials handler.</summary>
public interface IFedexTrackApi
{
    [Post("/track/v1/trackingnumbers")]
    Task<FedexTrackResponse> TrackByTrackingNumberAsync(
        [Body] FedexTrackRequest request, [Header("x-locale")] string locale, CancellationToken ct);
}
