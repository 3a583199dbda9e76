using Shipping.Carriers.Normalising;
using Shipping.Contracts;

namespace Shipping.Carriers.Fedex.Normalising;

/// <summary>
/// FedEx's codes in the canonical taxonomy. The Track API spec gives examples only (PU, DE, DP, HL, OC) and links to
/// FedEx's "Track Service Scan Codes" list for the rest; <see cref="ScanCodes"/> covers that whole list.
/// </summary>
public static class FedexCodes
{
    /// <summary>
    /// <c>scanEvents[].eventType</c> (and <c>latestStatusDetail.code</c>): what happened at this scan. This is the code a
    /// scan is classified by, because the derived code is coarser and sometimes misleading: FedEx derives "IT" for an
    /// out-for-delivery scan (OD) and "DL" for a return to the shipper (RS).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, CanonicalStatus> ScanCodes =
        new Dictionary<string, CanonicalStatus>(StringComparer.OrdinalIgnoreCase)
        {
            // Before FedEx has the parcel.
            ["OC"] = new(TrackingStatus.InfoReceived),                     // Shipment information sent to FedEx (order created)
            ["AP"] = new(TrackingStatus.InfoReceived),                     // At pickup
            ["EP"] = new(TrackingStatus.InfoReceived),                     // Enroute to pickup
            ["DS"] = new(TrackingStatus.InfoReceived),                     // Vehicle dispatched (to pick up)
            ["DR"] = new(TrackingStatus.InfoReceived),                     // Vehicle furnished but not used
            ["RP"] = new(TrackingStatus.InfoReceived),                     // Return label link emailed to return sender
            ["RG"] = new(TrackingStatus.InfoReceived),                     // Return label link expiring soon

            // Moving through the network.
            ["PU"] = new(TrackingStatus.InTransit, TrackingSubstatus.PickedUp),       // Picked up
            ["PX"] = new(TrackingStatus.InTransit, TrackingSubstatus.PickedUp),       // Picked up (see details)
            ["DP"] = new(TrackingStatus.InTransit, TrackingSubstatus.Departed),       // Departed
            ["LO"] = new(TrackingStatus.InTransit, TrackingSubstatus.Departed),       // Left origin
            ["AR"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),        // Arrived at FedEx location
            ["AA"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),        // At airport
            ["AC"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),        // At Canada Post facility
            ["AF"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),        // At local FedEx facility
            ["AX"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),        // At USPS facility
            ["FD"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),        // At FedEx destination
            ["OF"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),        // At FedEx origin facility
            ["PL"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),        // Plane landed
            ["SF"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),        // At sort facility
            ["BR"] = new(TrackingStatus.InTransit, TrackingSubstatus.Processing),     // Broker
            ["CP"] = new(TrackingStatus.InTransit, TrackingSubstatus.Processing),     // Clearance in progress
            ["CU"] = new(TrackingStatus.InTransit, TrackingSubstatus.Processing),     // Customs
            ["CC"] = new(TrackingStatus.InTransit, TrackingSubstatus.CustomsCleared), // Cleared customs
            ["IT"] = new(TrackingStatus.InTransit),                        // In transit
            ["IX"] = new(TrackingStatus.InTransit),                        // In transit (see details)
            ["PM"] = new(TrackingStatus.InTransit),                        // In progress
            ["PF"] = new(TrackingStatus.InTransit),                        // Plane in flight
            ["EA"] = new(TrackingStatus.InTransit),                        // Enroute to airport
            ["EO"] = new(TrackingStatus.InTransit),                        // Enroute to origin airport
            ["AO"] = new(TrackingStatus.InTransit),                        // Shipment arriving on time
            ["CH"] = new(TrackingStatus.InTransit),                        // Location changed
            ["TR"] = new(TrackingStatus.InTransit),                        // Transfer
            ["SP"] = new(TrackingStatus.InTransit),                        // Split status (pieces of a shipment apart)
            ["OX"] = new(TrackingStatus.InTransit),                        // Shipment information sent to USPS (USPS delivers)
            ["RR"] = new(TrackingStatus.InTransit),                        // Delivery option requested (CDO)
            ["RM"] = new(TrackingStatus.InTransit),                        // Delivery option modified (CDO)
            ["RC"] = new(TrackingStatus.InTransit),                        // Delivery option cancelled (CDO)

            // The last mile.
            ["OD"] = new(TrackingStatus.OutForDelivery),                   // On FedEx vehicle for delivery
            ["ED"] = new(TrackingStatus.OutForDelivery),                   // Enroute to delivery
            ["AD"] = new(TrackingStatus.OutForDelivery),                   // At delivery
            ["DE"] = new(TrackingStatus.AttemptFail),                      // Delivery exception (refined by its exception)
            ["HL"] = new(TrackingStatus.AvailableForPickup, TrackingSubstatus.AtDepot), // Hold at location
            ["HP"] = new(TrackingStatus.AvailableForPickup, TrackingSubstatus.AtDepot), // Ready for recipient pickup
            ["DL"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToRecipient),      // Delivered

            // Something is wrong.
            ["SE"] = new(TrackingStatus.Exception),                        // Shipment exception (refined by its exception)
            ["CA"] = new(TrackingStatus.Exception),                        // Shipment cancelled
            ["DY"] = new(TrackingStatus.Exception, TrackingSubstatus.Delayed),      // Delay
            ["DD"] = new(TrackingStatus.Exception, TrackingSubstatus.Delayed),      // Delivery delay
            ["PD"] = new(TrackingStatus.Exception, TrackingSubstatus.Delayed),      // Pickup delay
            ["CD"] = new(TrackingStatus.Exception, TrackingSubstatus.CustomsHold),  // Clearance delay
            ["LP"] = new(TrackingStatus.Exception),                        // Return label link cancelled by shipment originator
            ["RD"] = new(TrackingStatus.Exception),                        // Return label link expired

            ["RS"] = new(TrackingStatus.ReturnToSender),                   // Return to shipper
        };

    /// <summary>
    /// <c>scanEvents[].derivedStatusCode</c> (and <c>latestStatusDetail.derivedCode</c>): FedEx's summary status. Read only
    /// when a scan has no event type, or one not in <see cref="ScanCodes"/>. "IN" (initiated: label created) exists only here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, CanonicalStatus> DerivedStatusCodes =
        new Dictionary<string, CanonicalStatus>(StringComparer.OrdinalIgnoreCase)
        {
            ["IN"] = new(TrackingStatus.InfoReceived),                     // Initiated (label created)
            ["OC"] = new(TrackingStatus.InfoReceived),                     // Order created
            ["PU"] = new(TrackingStatus.InTransit, TrackingSubstatus.PickedUp),   // Picked up
            ["IT"] = new(TrackingStatus.InTransit),                        // In transit
            ["DP"] = new(TrackingStatus.InTransit, TrackingSubstatus.Departed),   // Departed
            ["OD"] = new(TrackingStatus.OutForDelivery),                   // Out for delivery
            ["DE"] = new(TrackingStatus.AttemptFail),                      // Delivery exception
            ["HL"] = new(TrackingStatus.AvailableForPickup, TrackingSubstatus.AtDepot), // Ready for pickup (held)
            ["HP"] = new(TrackingStatus.AvailableForPickup, TrackingSubstatus.AtDepot), // Ready for recipient pickup
            ["DL"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToRecipient),      // Delivered
            ["SE"] = new(TrackingStatus.Exception),                        // Shipment exception
            ["CA"] = new(TrackingStatus.Exception),                        // Cancelled
            ["DY"] = new(TrackingStatus.Exception, TrackingSubstatus.Delayed),     // Delay
            ["DD"] = new(TrackingStatus.Exception, TrackingSubstatus.Delayed),     // Delivery delay
            ["CD"] = new(TrackingStatus.Exception, TrackingSubstatus.CustomsHold), // Clearance delay
            ["RS"] = new(TrackingStatus.ReturnToSender),                   // Returned to shipper
        };

    /// <summary>What a scan whose codes are both unknown becomes: still moving, with FedEx's own code and text kept.</summary>
    public static readonly CanonicalStatus Fallback = new(TrackingStatus.InTransit);
}
