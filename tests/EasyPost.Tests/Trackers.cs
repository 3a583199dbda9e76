using Shipping.Carriers.EasyPost.Tracking;

namespace Shipping.Carriers.EasyPost.Tests;

/// <summary>Small trackers for the rules the examples do not reach, shaped like trackers-retrieve.json.</summary>
internal static class Trackers
{
    public static readonly TrackingLocation Orlando = new("ORLANDO", "FL", "US", "32809");

    public static TrackingDetail Detail(
        string? status = "in_transit", string? statusDetail = null, string? datetime = "2024-07-31T19:27:00Z",
        TrackingLocation? location = null, string? message = "Arrived at FedEx location", string? estDeliveryDate = null) =>
        new(message, "", status, statusDetail, datetime, "FedEx", "AR", location ?? Orlando, estDeliveryDate);

    public static Tracker With(
        params TrackingDetail?[] details) => new(
        "trk_1", "EZ1000000001", "in_transit", null, null, "FedEx", null, "https://track.easypost.com/1", details, null);
}
