using Shipping.Carriers.Normalising;
using Shipping.Contracts;

namespace Shipping.Carriers.EasyPost.Normalising;

/// <summary>
/// EasyPost's two code tables, every value its Tracker documentation lists. A scan's <c>status</c> says where the
/// parcel is; its <c>status_detail</c> says more, and for some details (a delay, damage, a return) it says something
/// the status does not: those details win over a status that only says the parcel is on its way (see <see cref="Combine"/>).
/// </summary>
public static class EasyPostCodes
{
    /// <summary>What a code EasyPost does not document (yet) maps to; the scan keeps its raw code and text.</summary>
    public static readonly CanonicalStatus Fallback = new(TrackingStatus.InTransit);

    public static readonly IReadOnlyDictionary<string, CanonicalStatus> Statuses =
        new Dictionary<string, CanonicalStatus>(StringComparer.OrdinalIgnoreCase)
        {
            // A scan EasyPost could not classify: the carrier has reported something, so the parcel is in its hands.
            ["unknown"] = new(TrackingStatus.InTransit),
            ["pre_transit"] = new(TrackingStatus.InfoReceived),
            ["in_transit"] = new(TrackingStatus.InTransit),
            ["out_for_delivery"] = new(TrackingStatus.OutForDelivery),
            ["delivered"] = new(TrackingStatus.Delivered),
            ["available_for_pickup"] = new(TrackingStatus.AvailableForPickup),
            ["return_to_sender"] = new(TrackingStatus.ReturnToSender),
            ["failure"] = new(TrackingStatus.Exception),
            // The canonical taxonomy has no "cancelled": a cancelled shipment is something the customer must hear of.
            ["cancelled"] = new(TrackingStatus.Exception),
            // EasyPost could not track the parcel at the carrier.
            ["error"] = new(TrackingStatus.Exception),
        };

    /// <summary>What each <c>status_detail</c> means on its own.</summary>
    public static readonly IReadOnlyDictionary<string, CanonicalStatus> StatusDetails =
        new Dictionary<string, CanonicalStatus>(StringComparer.OrdinalIgnoreCase)
        {
            ["address_correction"] = new(TrackingStatus.Exception, TrackingSubstatus.AddressIssue),
            ["arrived_at_destination"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),
            ["arrived_at_facility"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),
            ["arrived_at_pickup_location"] = new(TrackingStatus.AvailableForPickup),
            ["awaiting_information"] = new(TrackingStatus.InfoReceived),
            ["cancelled"] = new(TrackingStatus.Exception),
            ["damaged"] = new(TrackingStatus.Exception, TrackingSubstatus.Damaged),
            ["delayed"] = new(TrackingStatus.Exception, TrackingSubstatus.Delayed),
            ["delivery_exception"] = new(TrackingStatus.AttemptFail),
            ["departed_facility"] = new(TrackingStatus.InTransit, TrackingSubstatus.Departed),
            ["departed_origin_facility"] = new(TrackingStatus.InTransit, TrackingSubstatus.Departed),
            ["expired"] = new(TrackingStatus.Expired),
            ["failure"] = new(TrackingStatus.Exception),
            ["held"] = new(TrackingStatus.Exception),
            ["in_transit"] = new(TrackingStatus.InTransit),
            ["label_created"] = new(TrackingStatus.InfoReceived),
            ["lost"] = new(TrackingStatus.Exception, TrackingSubstatus.Lost),
            ["missorted"] = new(TrackingStatus.Exception, TrackingSubstatus.Delayed),
            ["out_for_delivery"] = new(TrackingStatus.OutForDelivery),
            ["received_at_destination_facility"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),
            // The first scan of the parcel in the carrier's hands.
            ["received_at_origin_facility"] = new(TrackingStatus.InTransit, TrackingSubstatus.PickedUp),
            ["refused"] = new(TrackingStatus.Exception, TrackingSubstatus.Refused),
            ["return"] = new(TrackingStatus.ReturnToSender),
            ["status_update"] = new(TrackingStatus.InTransit),
            ["transferred_to_destination_carrier"] = new(TrackingStatus.InTransit),
            ["transit_exception"] = new(TrackingStatus.Exception),
            ["unknown"] = new(TrackingStatus.InTransit),
            ["weather_delay"] = new(TrackingStatus.Exception, TrackingSubstatus.Weather),
        };

    /// <summary>
    /// A scan's canonical status from its status and its detail (null: none given). The detail refines a status it
    /// agrees with (in_transit + departed_facility: InTransit/Departed). It overrides a status that only says the
    /// parcel is on its way, or a bare failure, when it says more (in_transit + weather_delay: Exception/Weather;
    /// failure + delivery_exception: AttemptFail). It never overrides a status that says more than that
    /// (delivered, available_for_pickup, return_to_sender), and a detail that only says "on its way" never
    /// overrides anything (pre_transit + arrived_at_facility stays InfoReceived).
    /// </summary>
    public static CanonicalStatus Combine(CanonicalStatus byStatus, CanonicalStatus? byDetail) => byDetail switch
    {
        null => byStatus,
        { } detail when detail.Status == byStatus.Status => detail,
        { } detail when IsOnTheWayOrFailed(byStatus.Status) && !IsOnTheWay(detail.Status) => detail,
        _ => byStatus,
    };

    private static bool IsOnTheWay(TrackingStatus status) =>
        status is TrackingStatus.InfoReceived or TrackingStatus.InTransit or TrackingStatus.OutForDelivery;

    private static bool IsOnTheWayOrFailed(TrackingStatus status) => IsOnTheWay(status) || status == TrackingStatus.Exception;
}
