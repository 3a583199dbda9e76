using Shipping.Contracts;

namespace Shipping.Timeline.Shipments;

/// <summary>
/// Whether a delivery change may still be asked of the carrier — one rule for the decision and for what the tracking
/// page and the console offer. Changes are allowed before the parcel is out for delivery (DESIGN.md), and again after a
/// failed attempt, when rearranging the delivery is what the customer needs most. Whether a particular carrier accepts
/// a particular kind is still up to its adapter.
/// </summary>
public static class DeliveryChangeRules
{
    /// <returns>Why no change is possible now, or null when changes are allowed.</returns>
    public static string? RefusalFor(TrackingStatus status, bool cancelled) => cancelled
        ? "The order was cancelled."
        : status switch
        {
            TrackingStatus.Pending or TrackingStatus.InfoReceived or TrackingStatus.InTransit or TrackingStatus.Exception
                or TrackingStatus.AttemptFail => null,
            TrackingStatus.OutForDelivery => "The parcel is already out for delivery; the carrier no longer accepts changes.",
            TrackingStatus.AvailableForPickup => "The parcel is waiting for pickup; its delivery can no longer be changed.",
            TrackingStatus.Delivered => "The parcel has already been delivered.",
            _ => "The parcel's journey has ended; there is nothing left to change.",
        };
}
