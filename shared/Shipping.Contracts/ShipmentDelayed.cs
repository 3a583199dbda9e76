namespace Shipping.Contracts;

/// <summary>Why a shipment counts as delayed (DESIGN.md, "Delays").</summary>
public enum DelayReason
{
    /// <summary>The carrier's estimate is later than the date promised to the customer.</summary>
    LateCarrierEstimate,
    /// <summary>An Exception or a failed delivery attempt arrived.</summary>
    CarrierProblem,
    /// <summary>No movement for longer than the configured time while not delivered.</summary>
    StaleTracking,
    /// <summary>The promised date passed without delivery.</summary>
    PromisedDatePassed,
}

/// <summary>A delay was detected for a shipment. Announced once per reason, again only when the estimate moves.</summary>
/// <param name="DelayId">Stable id of this detection, for consumers to de-duplicate redeliveries.</param>
public sealed record ShipmentDelayed(
    Guid DelayId,
    Guid ShipmentId,
    string TenantId,
    string OrderNumber,
    string Carrier,
    string TrackingNumber,
    DelayReason Reason,
    DateOnly? PromisedDeliveryDate,
    DeliveryEstimate? PreviousEstimate,
    DeliveryEstimate? NewEstimate,
    DateTimeOffset DetectedAt);
