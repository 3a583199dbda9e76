using Shipping.Carriers.Normalising;
using Shipping.Contracts;

namespace Shipping.Carriers.Ups.Normalising;

/// <summary>
/// UPS's status codes on the canonical taxonomy, one table set for the Track API (<c>status{type, code, statusCode}</c>)
/// and Track Alert (<c>activityStatus{type, code, descriptionCode}</c>), so a scan seen both ways means the same.
/// The most specific code decides: the two-character activity code, then the three-digit simplified code, then the
/// type. An exception or return type is not overruled by a simplified code that only says the parcel still moves.
/// </summary>
public sealed class UpsStatusMapping(ILogger<UpsStatusMapping> logger)
{
    /// <summary>Two-character activity status codes (<c>code</c>).</summary>
    public static readonly IReadOnlyDictionary<string, CanonicalStatus> ActivityCodes =
        new Dictionary<string, CanonicalStatus>(StringComparer.OrdinalIgnoreCase)
        {
            // Tracking.yaml, Status example: "Your package was released by the customs agency."
            ["SR"] = new(TrackingStatus.InTransit, TrackingSubstatus.CustomsCleared),
            // UPSTrackAlert.yaml, webhook examples "Out for delivery" and "Delivery".
            ["OT"] = new(TrackingStatus.OutForDelivery),
            ["FS"] = new(TrackingStatus.Delivered),
            // The webhook examples of the previous revision of UPSTrackAlert.yaml (same UPS-API repository).
            ["MP"] = new(TrackingStatus.InfoReceived),                                // "Shipment Ready for UPS"
            ["OR"] = new(TrackingStatus.InTransit, TrackingSubstatus.PickedUp),       // "UPS has your package" (origin scan)
            ["DP"] = new(TrackingStatus.InTransit, TrackingSubstatus.Departed),       // departure from a UPS building
            ["YP"] = new(TrackingStatus.InTransit, TrackingSubstatus.Processing),     // "Preparing for Delivery"
        };

    /// <summary>
    /// Three-digit simplified status codes: the Track API's <c>statusCode</c>, which Track Alert sends as
    /// <c>descriptionCode</c> (its examples pair OT with 021 and FS with 011; the previous revision MP with 003).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, CanonicalStatus> StatusCodes =
        new Dictionary<string, CanonicalStatus>(StringComparer.OrdinalIgnoreCase)
        {
            ["003"] = new(TrackingStatus.InfoReceived),                               // Tracking.yaml example; "Shipment Ready for UPS"
            ["005"] = new(TrackingStatus.InTransit),                                  // "On the Way" (previous Track Alert revision)
            ["011"] = new(TrackingStatus.Delivered),                                  // Track Alert "Delivery" example
            ["021"] = new(TrackingStatus.OutForDelivery),                             // Track Alert "Out for delivery" example
            ["071"] = new(TrackingStatus.InTransit, TrackingSubstatus.Processing),    // "Preparing for Delivery" (previous revision)
        };

    /// <summary>Status types (<c>type</c>).</summary>
    public static readonly IReadOnlyDictionary<string, CanonicalStatus> StatusTypes =
        new Dictionary<string, CanonicalStatus>(StringComparer.OrdinalIgnoreCase)
        {
            // UPSTrackAlert.yaml, activityStatus.type and the FAQ's "What types of event data".
            ["D"] = new(TrackingStatus.Delivered),                                    // Delivery
            ["I"] = new(TrackingStatus.InTransit),                                    // On the Way / In-Progress
            ["M"] = new(TrackingStatus.InfoReceived),                                 // Manifest: label created
            ["MV"] = new(TrackingStatus.Exception),                                   // Manifest Void: the label was voided
            ["U"] = new(TrackingStatus.InTransit),                                    // Updated delivery date or time
            ["X"] = new(TrackingStatus.Exception),                                    // Package Exception
            // The Track API's further types (UPS's tracking appendix; not listed in these spec files).
            ["P"] = new(TrackingStatus.InTransit, TrackingSubstatus.PickedUp),        // Pickup
            ["O"] = new(TrackingStatus.OutForDelivery),                               // Out for delivery
            ["RS"] = new(TrackingStatus.ReturnToSender),                              // Returned to shipper
        };

    /// <summary>A type nobody knows: the parcel is taken to be moving; the scan keeps UPS's code and text.</summary>
    public static readonly CanonicalStatus Fallback = new(TrackingStatus.InTransit);

    private readonly CodeMapping _types = new(UpsOptions.Carrier, StatusTypes, Fallback, logger);

    /// <summary>The canonical status of one UPS status; an unknown type maps to <see cref="Fallback"/>, logged once.</summary>
    public CanonicalStatus Map(string? type, string? code, string? statusCode) =>
        Resolve(type, code, statusCode) ?? _types.Map(Clean(type) ?? Clean(code) ?? "");

    /// <summary>The status the tables give, or null when none of the three codes is known.</summary>
    public static CanonicalStatus? Resolve(string? type, string? code, string? statusCode)
    {
        if (Clean(code) is { } activity && ActivityCodes.TryGetValue(activity, out var byCode))
        {
            return byCode;
        }

        CanonicalStatus? byType = Clean(type) is { } t && StatusTypes.TryGetValue(t, out var found) ? found : null;
        if (byType is { Status: TrackingStatus.Exception or TrackingStatus.ReturnToSender })
        {
            return byType;
        }

        if (SimplifiedCode(statusCode) is { } simplified && StatusCodes.TryGetValue(simplified, out var bySimplified))
        {
            return bySimplified;
        }

        return byType;
    }

    /// <summary>The three-digit form of a simplified status code (UPS pads with zeros; a number read as JSON lost them).</summary>
    public static string? SimplifiedCode(string? statusCode) =>
        Clean(statusCode) is { } text && text.All(char.IsAsciiDigit) && text.Length < 3 ? text.PadLeft(3, '0') : Clean(statusCode);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
