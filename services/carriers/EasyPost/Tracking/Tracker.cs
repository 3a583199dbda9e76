namespace Shipping.Carriers.EasyPost.Tracking;

// EasyPost's Tracker object, as far as tracking needs it (docs: "Tracker object"; examples: trackers-retrieve.json and
// the result of the tracker.updated Event). Every field may be missing or null. Times stay text here: the normaliser
// reads them, so that a bad one becomes a named field error rather than a failure to read the whole object.

public sealed record Tracker(
    string? Id,
    string? TrackingCode,
    string? Status,
    string? StatusDetail,
    string? EstDeliveryDate,
    string? Carrier,
    string? SignedBy,
    string? PublicUrl,
    IReadOnlyList<TrackingDetail?>? TrackingDetails,
    CarrierDetail? CarrierDetail);

/// <summary>One scan. Its <see cref="Status"/> and <see cref="StatusDetail"/> are EasyPost's classification of it.</summary>
/// <param name="CarrierCode">The underlying carrier's own code (FedEx "AR"), often empty.</param>
public sealed record TrackingDetail(
    string? Message,
    string? Description,
    string? Status,
    string? StatusDetail,
    string? Datetime,
    string? Source,
    string? CarrierCode,
    TrackingLocation? TrackingLocation,
    string? EstDeliveryDate);

public sealed record TrackingLocation(string? City, string? State, string? Country, string? Zip);

/// <param name="EstDeliveryDateLocal">The estimated delivery day as a bare local date (<c>2024-08-05</c>).</param>
public sealed record CarrierDetail(
    string? Service,
    string? EstDeliveryDateLocal,
    string? EstDeliveryTimeLocal,
    TrackingLocation? DestinationTrackingLocation);
