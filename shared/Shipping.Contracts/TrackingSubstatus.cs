namespace Shipping.Contracts;

/// <summary>
/// Refines a <see cref="TrackingStatus"/>. One enum for all statuses: a substatus only makes sense
/// together with its status (AddressIssue, for one, appears under AttemptFail and under Exception).
/// </summary>
public enum TrackingSubstatus
{
    Unspecified,

    // InTransit
    PickedUp,
    Departed,
    Arrived,
    Processing,
    CustomsCleared,

    // AttemptFail
    NobodyHome,
    AddressIssue,
    BusinessClosed,
    NoSafePlace,

    // AvailableForPickup
    AtParcelShop,
    AtLocker,
    AtDepot,

    // Delivered
    ToRecipient,
    ToNeighbour,
    ToSafePlace,
    ToLocker,
    SignedBy,

    // Exception
    Damaged,
    Lost,
    CustomsHold,
    Weather,
    Refused,
    Delayed,
}
