namespace Shipping.Carriers.Fedex.Tracking;

/// <summary>The body of <c>POST /track/v1/trackingnumbers</c> (schema Full_Schema_Tracking_Numbers).</summary>
public sealed record FedexTrackRequest(bool IncludeDetailedScans, IReadOnlyList<FedexTrackingInfo> TrackingInfo)
{
    /// <summary>One tracking number, with every scan (not only the latest status).</summary>
    public static FedexTrackRequest For(string trackingNumber) =>
        new(true, [new FedexTrackingInfo(new FedexTrackingNumberInfo(trackingNumber))]);
}

public sealed record FedexTrackingInfo(FedexTrackingNumberInfo TrackingNumberInfo);

public sealed record FedexTrackingNumberInfo(string TrackingNumber);
