namespace Shipping.Carriers.Ups.Webhooks;

/// <summary>
/// Track Alert's webhook body (UPSTrackAlert.yaml, <c>webhooks.TrackingEvent</c>, schema <c>TrackingEventRequest</c>):
/// one event of one parcel, as a flat object. Only <c>trackingNumber</c> and <c>activityStatus</c> are required; UPS
/// leaves the rest empty when it has no value. The delivery photo and the recipient's name are not read.
/// </summary>
public sealed record TrackAlertEvent(
    string? TrackingNumber,
    string? LocalActivityDate,
    string? LocalActivityTime,
    TrackAlertLocation? ActivityLocation,
    TrackAlertStatus? ActivityStatus,
    string? ScheduledDeliveryDate,
    string? ActualDeliveryDate,
    string? ActualDeliveryTime,
    string? GmtActivityDate,
    string? GmtActivityTime,
    string? GmtOffset,
    string? DeliveryStartTime,
    string? DeliveryEndTime,
    string? DeliveryTimeDescription);

public sealed record TrackAlertLocation(string? City, string? StateProvince, string? PostalCode, string? Country);

/// <param name="Type">D, I, M, MV, U or X.</param>
/// <param name="Code">The two-character activity status code.</param>
/// <param name="DescriptionCode">The three-digit simplified status code; the spec's examples carry it as a number.</param>
public sealed record TrackAlertStatus(string? Type, string? Code, string? Description, string? DescriptionCode);
