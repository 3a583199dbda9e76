namespace Shipping.Contracts;

/// <summary>The canonical tracking status every carrier's codes are mapped onto (see DESIGN.md).</summary>
public enum TrackingStatus
{
    /// <summary>Registered, nothing from the carrier yet.</summary>
    Pending,
    /// <summary>Label created / carrier has the data, parcel not yet handed over.</summary>
    InfoReceived,
    /// <summary>Moving through the carrier's network.</summary>
    InTransit,
    /// <summary>On the vehicle today.</summary>
    OutForDelivery,
    /// <summary>Delivery attempted and failed.</summary>
    AttemptFail,
    /// <summary>Waiting at a parcel shop, locker or depot.</summary>
    AvailableForPickup,
    Delivered,
    /// <summary>Something is wrong.</summary>
    Exception,
    /// <summary>On its way back to the sender.</summary>
    ReturnToSender,
    /// <summary>No carrier update for a long time; tracking no longer live.</summary>
    Expired,
}
