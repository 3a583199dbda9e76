using Refit;

namespace Shipping.Carriers.Usps.Tracking;

/// <summary>USPS Tracking v3r2 ("Package Tracking and Notification" 3.2.2), OAuth2 scope <c>tracking</c>.</summary>
public interface IUspsTrackingApi
{
    /// <summary>
    /// Tracks up to 35 numbers at once. 200 when all were found, 207 when some were not (their items carry
    /// <c>statusCode</c> and <c>error</c>); both are read as the same list.
    /// </summary>
    [Post("/tracking/v3r2/tracking")]
    Task<IReadOnlyList<UspsTrackingDetail>> TrackAsync([Body] UspsTrackingRequest[] request, CancellationToken ct);
}
