namespace Shipping.Carriers.Ups.Tracking;

// The parts of the Track API's answer (Tracking.yaml, schema TrackApiResponse) the adapter reads. Every field is
// optional: UPS leaves out what it does not know. Addresses keep only what places an event; no names, no streets.

public sealed record TrackApiResponse(TrackResponse? TrackResponse);

public sealed record TrackResponse(IReadOnlyList<TrackShipment>? Shipment);

public sealed record TrackShipment(string? InquiryNumber, IReadOnlyList<TrackPackage>? Package, IReadOnlyList<TrackMessage>? Warnings);

public sealed record TrackPackage(
    string? TrackingNumber,
    IReadOnlyList<TrackActivity>? Activity,
    TrackStatus? CurrentStatus,
    IReadOnlyList<TrackDeliveryDate>? DeliveryDate,
    TrackDeliveryTime? DeliveryTime,
    IReadOnlyList<TrackPackageAddress>? PackageAddress);

/// <summary>One scan. <c>date</c>/<c>time</c> are local (YYYYMMDD, HHMMSS); <c>gmtOffset</c> is written <c>-05:00</c>.</summary>
public sealed record TrackActivity(
    string? Date, string? Time, string? GmtDate, string? GmtTime, string? GmtOffset, TrackLocation? Location, TrackStatus? Status);

/// <param name="Type">One letter or two (D, I, M, MV, U, X, …).</param>
/// <param name="Code">The two-character activity status code (SR, OT, FS, …).</param>
/// <param name="StatusCode">The three-digit simplified status code (003, 011, 021, …).</param>
public sealed record TrackStatus(string? Type, string? Code, string? StatusCode, string? Description, string? SimplifiedTextDescription);

public sealed record TrackLocation(TrackAddress? Address, string? Slic);

public sealed record TrackAddress(string? City, string? StateProvince, string? PostalCode, string? CountryCode, string? Country);

/// <param name="Type">SDD scheduled, RDD rescheduled, DEL delivered.</param>
public sealed record TrackDeliveryDate(string? Type, string? Date);

/// <param name="Type">EOD end of day, CMT commit time, EDW/CDW/IDW estimated/confirmed/imminent window, DEL delivered.</param>
public sealed record TrackDeliveryTime(string? Type, string? StartTime, string? EndTime);

/// <param name="Type">ORIGIN, DESTINATION, …</param>
public sealed record TrackPackageAddress(string? Type, TrackAddress? Address);

public sealed record TrackMessage(string? Code, string? Message);
