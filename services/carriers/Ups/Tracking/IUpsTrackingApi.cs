using Refit;

namespace Shipping.Carriers.Ups.Tracking;

/// <summary>
/// UPS Track API v1 (Tracking.yaml; servers <c>https://onlinetools.ups.com/api</c>, CIE <c>https://wwwcie.ups.com/api</c>).
/// The OAuth bearer token and the <c>transId</c>/<c>transactionSrc</c> headers are added by the client's handlers.
/// </summary>
public interface IUpsTrackingApi
{
    [Get("/api/track/v1/details/{inquiryNumber}")]
    Task<TrackApiResponse> GetDetailsAsync(string inquiryNumber, [Query] string locale, CancellationToken ct);
}
