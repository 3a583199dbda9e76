using Shipping.Contracts;

namespace Shipping.Notifications.Shipments;

/// <summary>What Notifications knows of a shipment: its order, its latest status and estimate (to offer changes and to check
/// that a held alert is still true).</summary>
public sealed class TrackedShipment
{
    public Guid Id { get; set; }
    public string TenantId { get; set; } = "";
    public Guid ShipmentId { get; set; }
    public string OrderNumber { get; set; } = "";
    public string Carrier { get; set; } = "";
    public string TrackingNumber { get; set; } = "";
    public DateOnly? PromisedDeliveryDate { get; set; }
    public TrackingStatus Status { get; set; } = TrackingStatus.Pending;
    public DateTimeOffset? StatusAt { get; set; }
    public DeliveryEstimate? Estimate { get; set; }

    /// <summary>The delivery dates of the carrier's newest offer (<see cref="DeliveryOptionsOffered"/>); empty when it offered none.</summary>
    public List<DateOnly> OfferedDates { get; set; } = [];

    /// <summary>Which offer <see cref="OfferedDates"/> came from, and when the carrier made it (the newest wins).</summary>
    public Guid? OfferId { get; set; }

    public DateTimeOffset? OfferedAt { get; set; }

    public static Guid IdFor(string tenantId, Guid shipmentId) => StableIds.From("notifications-shipment", tenantId, shipmentId.ToString());

    /// <summary>Timeline's rule (DeliveryChangeRules): changes are possible before out-for-delivery and after a failed attempt.</summary>
    public bool ChangesAllowed => Status is TrackingStatus.Pending or TrackingStatus.InfoReceived or TrackingStatus.InTransit
        or TrackingStatus.Exception or TrackingStatus.AttemptFail;
}
