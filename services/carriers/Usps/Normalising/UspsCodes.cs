using Shipping.Carriers.Normalising;
using Shipping.Contracts;

namespace Shipping.Carriers.Usps.Normalising;

/// <summary>
/// USPS's tracking vocabularies onto the canonical taxonomy. The specs list no codes: they refer to Publication 199,
/// Appendix G-4 (domestic scan events), and show only "01" in their examples. The table holds the Appendix G-4 codes
/// parcels meet; any other code falls back (logged once) and keeps its raw code and text. The comments are USPS's
/// event names, shortened.
/// </summary>
public static class UspsCodes
{
    /// <summary>Event codes (<c>trackingEvents[].eventCode</c>).</summary>
    public static readonly IReadOnlyDictionary<string, CanonicalStatus> EventCodes =
        new Dictionary<string, CanonicalStatus>(StringComparer.OrdinalIgnoreCase)
        {
            // Before USPS has the parcel.
            ["MA"] = new(TrackingStatus.InfoReceived),                                      // Manifest acknowledgement (shipping label created)
            ["GX"] = new(TrackingStatus.Exception),                                         // Shipping label cancelled

            // Accepted into the network.
            ["03"] = new(TrackingStatus.InTransit, TrackingSubstatus.PickedUp),             // Accept or pickup
            ["TM"] = new(TrackingStatus.InTransit, TrackingSubstatus.PickedUp),             // Shipment acceptance (truck manifest)
            ["PA"] = new(TrackingStatus.InTransit, TrackingSubstatus.PickedUp),             // Shipment acceptance (passive)
            ["80"] = new(TrackingStatus.InTransit, TrackingSubstatus.PickedUp),             // Picked up by shipping partner

            // Moving.
            ["07"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),              // Arrival at unit (the delivering post office)
            ["19"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),              // Arrived (eVS destination delivery center)
            ["41"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),              // Received at opening unit
            ["81"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),              // Arrived at shipping partner facility
            ["U1"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),              // Arrived at USPS regional facility
            ["10"] = new(TrackingStatus.InTransit, TrackingSubstatus.Processing),           // Processed
            ["PC"] = new(TrackingStatus.InTransit, TrackingSubstatus.Processing),           // Sorting / processing complete
            ["EF"] = new(TrackingStatus.InTransit, TrackingSubstatus.Departed),             // Departed sort facility
            ["SF"] = new(TrackingStatus.InTransit, TrackingSubstatus.Departed),             // Departed post office
            ["T1"] = new(TrackingStatus.InTransit, TrackingSubstatus.Departed),             // Departed USPS regional facility
            ["82"] = new(TrackingStatus.InTransit, TrackingSubstatus.Departed),             // Departed shipping partner facility
            ["42"] = new(TrackingStatus.InTransit),                                         // Handed off to shipping partner
            ["06"] = new(TrackingStatus.InTransit),                                         // Forwarded

            ["OF"] = new(TrackingStatus.OutForDelivery),                                    // Out for delivery

            // Delivery attempted.
            ["02"] = new(TrackingStatus.AttemptFail, TrackingSubstatus.NobodyHome),         // Attempted, notice left
            ["52"] = new(TrackingStatus.AttemptFail, TrackingSubstatus.NobodyHome),         // Notice left
            ["56"] = new(TrackingStatus.AttemptFail, TrackingSubstatus.NobodyHome),         // No authorized recipient available
            ["53"] = new(TrackingStatus.AttemptFail, TrackingSubstatus.NoSafePlace),        // Receptacle blocked
            ["54"] = new(TrackingStatus.AttemptFail, TrackingSubstatus.NoSafePlace),        // Receptacle full / item oversized
            ["55"] = new(TrackingStatus.AttemptFail, TrackingSubstatus.NoSafePlace),        // No secure location available
            ["51"] = new(TrackingStatus.AttemptFail, TrackingSubstatus.BusinessClosed),     // Business closed
            ["30"] = new(TrackingStatus.AttemptFail),                                       // No access to delivery location

            // Waiting at the post office.
            ["14"] = new(TrackingStatus.AvailableForPickup, TrackingSubstatus.AtDepot),     // Arrival at pickup point
            ["16"] = new(TrackingStatus.AvailableForPickup, TrackingSubstatus.AtDepot),     // Available for pickup

            // Delivered ("01" is refined by its event text, see DeliveredAt).
            ["01"] = new(TrackingStatus.Delivered),                                         // Delivered
            ["17"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToRecipient),          // Picked up by agent
            ["43"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToRecipient),          // Picked up (at the post office)

            // Something is wrong.
            ["04"] = new(TrackingStatus.Exception, TrackingSubstatus.Refused),              // Refused
            ["05"] = new(TrackingStatus.Exception, TrackingSubstatus.AddressIssue),         // Undeliverable as addressed
            ["08"] = new(TrackingStatus.Exception, TrackingSubstatus.Delayed),              // Missent
            ["15"] = new(TrackingStatus.Exception, TrackingSubstatus.Delayed),              // Mis-shipped
            ["71"] = new(TrackingStatus.Exception, TrackingSubstatus.Delayed),              // Rescheduled to next delivery day
            ["11"] = new(TrackingStatus.Exception, TrackingSubstatus.Lost),                 // Dead letter (sent to the mail recovery center)
            ["DX"] = new(TrackingStatus.Exception),                                         // Delivery status not updated

            // Going back (return to sender, with its reasons).
            ["09"] = new(TrackingStatus.ReturnToSender),                                    // Return to sender
            ["21"] = new(TrackingStatus.ReturnToSender),                                    // No such number
            ["22"] = new(TrackingStatus.ReturnToSender),                                    // Insufficient address
            ["23"] = new(TrackingStatus.ReturnToSender),                                    // Moved, left no address
            ["24"] = new(TrackingStatus.ReturnToSender),                                    // Forward expired
            ["25"] = new(TrackingStatus.ReturnToSender),                                    // Addressee unknown
            ["26"] = new(TrackingStatus.ReturnToSender),                                    // Vacant
            ["27"] = new(TrackingStatus.ReturnToSender),                                    // Unclaimed
            ["28"] = new(TrackingStatus.ReturnToSender),                                    // Deceased
            ["29"] = new(TrackingStatus.ReturnToSender),                                    // Other
            ["31"] = new(TrackingStatus.ReturnToSender),                                    // Not picked up
            ["44"] = new(TrackingStatus.ReturnToSender),                                    // Customer recall
        };

    /// <summary>An unknown event code: still moving, as far as anyone can tell (the scan keeps its raw code and text).</summary>
    public static readonly CanonicalStatus Fallback = new(TrackingStatus.InTransit);

    /// <summary>
    /// Where a delivery ("01") was made, from the event text after "Delivered, " (USPS writes e.g.
    /// "Delivered, Front Door/Porch"). Matched as a phrase within the text, ignoring case.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, CanonicalStatus> DeliveredAt =
        new Dictionary<string, CanonicalStatus>(StringComparer.OrdinalIgnoreCase)
        {
            ["Front Door/Porch"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToSafePlace),
            ["Garage or Other Location at Address"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToSafePlace),
            ["In/At Mailbox"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToRecipient),
            ["Left with Individual"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToRecipient),
            ["Front Desk/Reception/Mail Room"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToRecipient),
            ["PO Box"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToRecipient),
            ["To Agent"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToRecipient),
            ["Individual Picked Up at Post Office"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToRecipient),
            ["Parcel Locker"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToLocker),
            ["Neighbor as Requested"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToNeighbour),
            // Delivered back to whoever sent it: the return has ended.
            ["To Original Sender"] = new(TrackingStatus.ReturnToSender),
        };

    /// <summary>
    /// The parcel's status category (top-level <c>statusCategory</c>), used only for the newest event when its code is
    /// not in <see cref="EventCodes"/>: it describes the parcel now, so it says nothing about older events.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, CanonicalStatus> StatusCategories =
        new Dictionary<string, CanonicalStatus>(StringComparer.OrdinalIgnoreCase)
        {
            ["Pre-Shipment"] = new(TrackingStatus.InfoReceived),
            ["Accepted"] = new(TrackingStatus.InTransit, TrackingSubstatus.PickedUp),
            ["In Transit"] = new(TrackingStatus.InTransit),
            ["Out for Delivery"] = new(TrackingStatus.OutForDelivery),
            ["Delivery Attempt"] = new(TrackingStatus.AttemptFail),
            ["Available for Pickup"] = new(TrackingStatus.AvailableForPickup, TrackingSubstatus.AtDepot),
            ["Delivered"] = new(TrackingStatus.Delivered),
            ["Alert"] = new(TrackingStatus.Exception),
        };
}
