using Refit;

namespace Shipping.Carriers.EasyPost.Tracking;

/// <summary>EasyPost's tracker API (<c>https://api.easypost.com/v2</c>).</summary>
public interface IEasyPostApi
{
    /// <summary>
    /// Creates the tracker for a tracking code, or returns the one that exists: EasyPost answers a repeated create
    /// (same code and carrier, same account) with the original tracker, so this is also the lookup by tracking code.
    /// </summary>
    [Post("/v2/trackers")]
    Task<Tracker> CreateOrGetTrackerAsync([Body] CreateTracker request, CancellationToken ct);
}

/// <summary>The create body, <c>{"tracker":{"tracking_code":…}}</c>. No carrier: EasyPost detects it from the code.</summary>
public sealed record CreateTracker(CreateTracker.TrackerCode Tracker)
{
    public static CreateTracker For(string trackingCode) => new(new TrackerCode(trackingCode));

    public sealed record TrackerCode(string TrackingCode);
}
