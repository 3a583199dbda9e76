using System.Text.Json.Serialization;

namespace Shipping.Carriers.Usps.Tracking;

/// <summary>
/// One item of USPS's tracking answer (<c>TrackingDetail</c> in Tracking v3r2, and in a 207 multi-status answer the
/// <c>SuccessResponse</c>/<c>FailureResponse</c> union), which is also what a tracking notification's <c>payload</c> holds.
/// Only the fields the adapter reads; every one may be missing.
/// </summary>
public sealed record UspsTrackingDetail(
    string? TrackingNumber,
    string? Status,
    string? StatusCategory,
    string? DestinationCity,
    string? DestinationState,
    [property: JsonPropertyName("destinationZIPCode"), JsonConverter(typeof(LenientStringConverter))] string? DestinationZipCode,
    string? DestinationCountry,
    UspsDeliveryDateExpectation? DeliveryDateExpectation,
    IReadOnlyList<UspsTrackingEvent?>? TrackingEvents,
    // The Detailed Scan Subscription schema names a single event "trackingEvent"; its example sends "trackingEvents".
    UspsTrackingEvent? TrackingEvent,
    [property: JsonConverter(typeof(LenientStringConverter))] string? StatusCode,
    UspsError? Error);

public sealed record UspsDeliveryDateExpectation(
    string? ExpectedDeliveryDate,
    string? PredictedDeliveryDate,
    string? PredictedDeliveryWindowStartTime,
    string? PredictedDeliveryWindowEndTime,
    string? GuaranteedDeliveryDate,
    string? EndOfDay);

public sealed record UspsTrackingEvent(
    [property: JsonConverter(typeof(LenientStringConverter))] string? EventCode,
    string? EventType,
    string? ScanEventExtractEventName,
    string? EventTimestamp,
    [property: JsonPropertyName("GMTTimestamp")] string? GmtTimestamp,
    [property: JsonPropertyName("GMTOffset"), JsonConverter(typeof(LenientStringConverter))] string? GmtOffset,
    string? EventCity,
    string? EventState,
    [property: JsonPropertyName("eventZIPCode"), JsonConverter(typeof(LenientStringConverter))] string? EventZipCode,
    // USPS's own README example writes the ZIP Code as "eventZIP".
    [property: JsonPropertyName("eventZIP"), JsonConverter(typeof(LenientStringConverter))] string? EventZip,
    string? EventCountry);

/// <summary>USPS's error body (<c>ErrorMessage</c>), also inside a 207 answer's failed items.</summary>
public sealed record UspsError(
    [property: JsonConverter(typeof(LenientStringConverter))] string? Code,
    string? Message);

/// <summary>One tracking number asked for (<c>TrackingRequestBody</c>); the request is an array of up to 35.</summary>
public sealed record UspsTrackingRequest(string TrackingNumber);
