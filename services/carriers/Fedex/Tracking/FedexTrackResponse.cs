namespace Shipping.Carriers.Fedex.Tracking;

// FedEx's answer to Track by Tracking Number (schema TrkcResponseVO_TrackingNumber), reduced to what the adapter
// reads. Every field may be missing. Street lines and people's names are left out on purpose: the adapter has no
// use for them, and what is never read is never logged.

public sealed record FedexTrackResponse(string? TransactionId, FedexTrackOutput? Output);

public sealed record FedexTrackOutput(IReadOnlyList<FedexCompleteTrackResult>? CompleteTrackResults);

public sealed record FedexCompleteTrackResult(string? TrackingNumber, IReadOnlyList<FedexTrackResult>? TrackResults);

/// <summary>One shipment using the tracking number (FedEx lists several when a number was reused).</summary>
public sealed record FedexTrackResult(
    FedexTrackingNumberInfoResult? TrackingNumberInfo,
    FedexError? Error,
    IReadOnlyList<FedexScanEvent>? ScanEvents,
    IReadOnlyList<FedexDateAndTime>? DateAndTimes,
    FedexTimeWindow? EstimatedDeliveryTimeWindow,
    FedexTimeWindow? StandardTransitTimeWindow,
    FedexDeliveryDetails? DeliveryDetails,
    FedexAddress? LastUpdatedDestinationAddress,
    FedexContactAndAddress? RecipientInformation,
    FedexLocationDetail? DestinationLocation);

public sealed record FedexTrackingNumberInfoResult(string? TrackingNumber, string? CarrierCode, string? TrackingNumberUniqueId);

/// <summary>An error for one tracking number inside a 200 answer (CXSError), e.g. TRACKING.TRACKINGNUMBER.NOTFOUND.</summary>
public sealed record FedexError(string? Code, string? Message);

public sealed record FedexScanEvent(
    string? Date,
    string? EventType,
    string? EventDescription,
    string? DerivedStatusCode,
    string? DerivedStatus,
    string? ExceptionCode,
    string? ExceptionDescription,
    FedexAddress? ScanLocation,
    string? LocationId,
    string? LocationType,
    FedexDelayDetail? DelayDetail);

public sealed record FedexDelayDetail(string? Type, string? SubType, string? Status);

/// <summary>A key date: ESTIMATED_DELIVERY, ACTUAL_DELIVERY, COMMITMENT, …; <c>dateTime</c> usually has no offset.</summary>
public sealed record FedexDateAndTime(string? Type, string? DateTime);

public sealed record FedexTimeWindow(string? Type, string? Description, FedexTimeRange? Window);

/// <summary>Either end may come with or without an offset (the spec's own example mixes both).</summary>
public sealed record FedexTimeRange(string? Begins, string? Ends);

/// <summary>Only whether someone signed is read, never who.</summary>
public sealed record FedexDeliveryDetails(string? SignedByName, string? LocationType, string? DeliveryAttempts);

public sealed record FedexAddress(string? City, string? StateOrProvinceCode, string? PostalCode, string? CountryCode);

public sealed record FedexContactAndAddress(FedexAddress? Address);

public sealed record FedexLocationDetail(string? LocationId, FedexContactAndAddress? LocationContactAndAddress, string? LocationType);
