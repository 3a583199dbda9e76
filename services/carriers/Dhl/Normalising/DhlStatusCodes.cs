using Shipping.Carriers.Normalising;
using Shipping.Contracts;

namespace Shipping.Carriers.Dhl.Normalising;

/// <summary>
/// DHL's codes on the canonical taxonomy. <see cref="StatusCodes"/> (the coarse <c>statusCode</c>) gives the status;
/// a known <c>status</c> (<see cref="Statuses"/>) is more specific and wins over it — also where the two disagree, as in
/// DHL's own example (statusCode pre-transit, status DELIVERED). For a delivery, ecommerce's description says where
/// the parcel was left (<see cref="DeliveredDescriptions"/>).
/// </summary>
public static class DhlStatusCodes
{
    /// <summary>The <c>statusCode</c> enum of the Unified Tracking API (openapi v1.3.1, ShipmentEvent).</summary>
    public static readonly IReadOnlyDictionary<string, CanonicalStatus> StatusCodes =
        new Dictionary<string, CanonicalStatus>(StringComparer.OrdinalIgnoreCase)
        {
            ["pre-transit"] = new(TrackingStatus.InfoReceived),
            ["transit"] = new(TrackingStatus.InTransit),
            ["delivered"] = new(TrackingStatus.Delivered),
            // DHL's failure covers both failed attempts and exceptions; the status text (NOT_HOME, …) tells which.
            ["failure"] = new(TrackingStatus.Exception),
            // DHL could not classify the event; the parcel is in its hands, so it counts as moving. Raw text is kept.
            ["unknown"] = new(TrackingStatus.InTransit),
        };

    /// <summary>What an unknown or missing <c>statusCode</c> means (the status text, if known, still wins).</summary>
    public static readonly CanonicalStatus Fallback = new(TrackingStatus.InTransit);

    /// <summary>
    /// Every <c>status</c> the specs and fixtures show: carrier codes (express, parcel-nl, ecommerce) and parcel-de's
    /// English free text (asked for with <c>language=en</c>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, CanonicalStatus> Statuses =
        new Dictionary<string, CanonicalStatus>(StringComparer.OrdinalIgnoreCase)
        {
            // express (the spec's example) and ecommerce
            ["DELIVERED"] = new(TrackingStatus.Delivered),

            // parcel-nl
            ["PRENOTIFICATION_RECEIVED"] = new(TrackingStatus.InfoReceived),
            ["PARCEL_SORTED_AT_HUB"] = new(TrackingStatus.InTransit, TrackingSubstatus.Processing),
            ["INFORMATION_ON_DELIVERY_TRANSMITTED"] = new(TrackingStatus.InTransit),
            ["DELIVERY_PLANNED_IN_ROUTE"] = new(TrackingStatus.InTransit, TrackingSubstatus.Processing),
            ["PARCEL_ARRIVED_AT_LOCAL_DEPOT"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),
            ["PARCEL_SCANNED_INTO_HAND-TERMINAL"] = new(TrackingStatus.InTransit, TrackingSubstatus.Processing),
            ["OUT_FOR_DELIVERY"] = new(TrackingStatus.OutForDelivery),
            ["PARCEL_HANDED_OVER_TO_COURIER"] = new(TrackingStatus.OutForDelivery),
            ["NOT_HOME"] = new(TrackingStatus.AttemptFail, TrackingSubstatus.NobodyHome),
            // Nobody home, so DHL sends the parcel to a parcel shop: the customer's next step is to collect it there.
            // Not Delivered (a final status: polling would stop before the customer has it), and not a second failure
            // (the failed attempt is the NOT_HOME event just before), although DHL marks it "failure".
            ["NOT_HOME_SYSTEM_INTERVENTION_DELIVERY_AT_PARCELSHOP"] = new(TrackingStatus.AvailableForPickup, TrackingSubstatus.AtParcelShop),

            // ecommerce (DHL eCommerce US, last mile by USPS)
            ["ELECTRONIC NOTIFICATION RECEIVED: YOUR ORDER HAS BEEN PROCESSED AND TRACKING WILL BE UPDATED SOON"] = new(TrackingStatus.InfoReceived),
            ["EN ROUTE TO DHL ECOMMERCE"] = new(TrackingStatus.InfoReceived),
            ["ARRIVAL AT DHL ECOMMERCE DISTRIBUTION CENTER"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),
            ["PROCESSED"] = new(TrackingStatus.InTransit, TrackingSubstatus.Processing),
            ["DEPARTURE ORIGIN DHL ECOMMERCE FACILITY"] = new(TrackingStatus.InTransit, TrackingSubstatus.Departed),
            ["ARRIVAL DESTINATION DHL ECOMMERCE FACILITY"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),
            ["TENDERED TO DELIVERY SERVICE PROVIDER"] = new(TrackingStatus.InTransit),
            ["ARRIVED USPS SORT FACILITY"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),
            ["ARRIVAL AT POST OFFICE"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),
            ["SORTING COMPLETE"] = new(TrackingStatus.InTransit, TrackingSubstatus.Processing),
            ["OUT FOR DELIVERY"] = new(TrackingStatus.OutForDelivery),

            // parcel-de: free text, not codes
            ["The instruction data for this shipment have been provided by the sender to DHL electronically"] = new(TrackingStatus.InfoReceived),
            ["The shipment has been processed in the parcel center of origin"] = new(TrackingStatus.InTransit, TrackingSubstatus.Processing),
            ["The shipment has been processed in the destination parcel center"] = new(TrackingStatus.InTransit, TrackingSubstatus.Processing),
            // statusCode says transit, but this is the parcel going out on the van.
            ["The shipment has been loaded onto the delivery vehicle"] = new(TrackingStatus.OutForDelivery),
            ["The shipment has been successfully delivered"] = new(TrackingStatus.Delivered),
        };

    /// <summary>Where ecommerce says a delivered parcel was left (its <c>description</c> of a DELIVERED event).</summary>
    public static readonly IReadOnlyDictionary<string, TrackingSubstatus> DeliveredDescriptions =
        new Dictionary<string, TrackingSubstatus>(StringComparer.OrdinalIgnoreCase)
        {
            // Left unattended at the address, not handed over: the canonical "safe place".
            ["IN/AT MAILBOX"] = TrackingSubstatus.ToSafePlace,
            ["FRONT DOOR/PORCH"] = TrackingSubstatus.ToSafePlace,
            ["LEFT WITH INDIVIDUAL"] = TrackingSubstatus.ToRecipient,
        };
}
