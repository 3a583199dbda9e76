using Shipping.Carriers.Fedex.Tracking;
using Shipping.Carriers.Normalising;
using Shipping.Carriers.Polling;
using Shipping.Carriers.Time;
using Shipping.Contracts;

namespace Shipping.Carriers.Fedex.Normalising;

/// <summary>Turns FedEx's Track API answer into canonical scans.</summary>
public sealed class FedexNormaliser(ILogger<FedexNormaliser> logger)
{
    private readonly CodeMapping _scanCodes = new(FedexOptions.Carrier, FedexCodes.ScanCodes, FedexCodes.Fallback, logger);
    private readonly CodeMapping _derivedCodes = new(FedexOptions.Carrier, FedexCodes.DerivedStatusCodes, FedexCodes.Fallback, logger);

    /// <summary>
    /// What FedEx's answer says about <paramref name="trackingNumber"/>. An unknown number comes back as HTTP 200 with an
    /// error inside its track result (TRACKING.TRACKINGNUMBER.NOTFOUND). Scans that cannot be read (no time, or a time
    /// without offset at a place whose zone is unknown) are left out and named in <see cref="FedexReading.Unreadable"/>.
    /// </summary>
    public FedexReading Read(string trackingNumber, FedexTrackResponse response)
    {
        var wanted = TrackingNumbers.Normalise(trackingNumber);
        var complete = response.Output?.CompleteTrackResults?.Where(c => c is not null).ToList() ?? [];
        var match = complete.FirstOrDefault(c => c.TrackingNumber is { } number && TrackingNumbers.Normalise(number) == wanted)
            ?? (complete.Count == 1 ? complete[0] : null);
        var results = match?.TrackResults?.Where(r => r is not null).ToList() ?? [];
        if (results.Count == 0)
        {
            return new FedexReading(new TrackingLookup.NotFound("FedEx returned no track result for this tracking number."), []);
        }

        // FedEx answers a lookup with scans and an error side by side in its own example; scans win over the error.
        var tracked = results.Where(r => r.ScanEvents is { Count: > 0 }).ToList();
        if (tracked.Count == 0)
        {
            return results.Select(r => r.Error).FirstOrDefault(e => !string.IsNullOrWhiteSpace(e?.Code)) is { } error
                ? new FedexReading(ErrorLookup(error), [])
                : new FedexReading(new TrackingLookup.Found([]), []);
        }

        // A reused tracking number lists one result per shipment: the one that moved last is the one being watched.
        var newest = tracked.Select(r => Normalise(trackingNumber, r))
            .MaxBy(n => n.Scans.Count == 0 ? DateTimeOffset.MinValue : n.Scans.Max(s => s.OccurredAt))!;
        if (newest.Scans.Count == 0)
        {
            return new FedexReading(
                new TrackingLookup.Failed("FedEx answered with scans that cannot be read: " + string.Join(", ", newest.Errors.Keys)), []);
        }

        return new FedexReading(new TrackingLookup.Found(newest.Scans), newest.Errors.Keys.ToList());
    }

    /// <summary>
    /// The scans of one track result, in FedEx's order. FedEx's estimate is its estimate as of the newest scan, so it goes
    /// on that one. Unreadable scans are left out and their fields named in <see cref="NormalisedScans.Errors"/>.
    /// </summary>
    public NormalisedScans Normalise(string trackingNumber, FedexTrackResult result)
    {
        var errors = new Dictionary<string, string[]>();
        var signedFor = !string.IsNullOrWhiteSpace(result.DeliveryDetails?.SignedByName);
        var read = new List<(FedexScanEvent Scan, string Code, CanonicalStatus Status, DateTimeOffset At, EventLocation? Location)>();

        var events = result.ScanEvents ?? [];
        for (var i = 0; i < events.Count; i++)
        {
            var scan = events[i];
            var field = $"scanEvents[{i}]";
            if (scan is null)
            {
                errors[field] = ["A scan event is required."];
                continue;
            }

            var code = Clean(scan.EventType) ?? Clean(scan.DerivedStatusCode);
            if (code is null)
            {
                errors[$"{field}.eventType"] = ["A scan code (eventType or derivedStatusCode) is required."];
                continue;
            }

            var location = FedexLocations.From(scan.ScanLocation);
            if (string.IsNullOrWhiteSpace(scan.Date))
            {
                errors[$"{field}.date"] = ["The scan time is required."];
                continue;
            }

            DateTimeOffset at;
            try
            {
                at = CarrierTime.Parse(scan.Date, location);
            }
            catch (FormatException e)
            {
                errors[$"{field}.date"] = [e.Message];
                continue;
            }

            read.Add((scan, code, FedexRefinement.Refine(Classify(scan), scan, signedFor), at, location));
        }

        var estimate = FedexEstimates.From(result);
        var newestAt = read.Count == 0 ? default : read.Max(r => r.At);
        var scans = read.Select(r => CarrierScan.Create(
                FedexOptions.Carrier, trackingNumber, r.Status.Status, r.Status.Substatus, r.Code, Describe(r.Scan, r.Code),
                r.At, r.Location, r.At == newestAt ? estimate : null))
            .ToList();
        return new NormalisedScans(scans, errors);
    }

    /// <summary>By the scan's event type; by FedEx's derived status only when the event type is missing or unknown.</summary>
    private CanonicalStatus Classify(FedexScanEvent scan)
    {
        var eventType = Clean(scan.EventType);
        if (eventType is not null && FedexCodes.ScanCodes.TryGetValue(eventType, out var byEvent))
        {
            return byEvent;
        }

        var derived = Clean(scan.DerivedStatusCode);
        if (derived is not null && FedexCodes.DerivedStatusCodes.TryGetValue(derived, out var byDerived))
        {
            if (eventType is not null)
            {
                _scanCodes.Map(eventType); // only to log the new event type once
            }

            return byDerived;
        }

        return eventType is not null ? _scanCodes.Map(eventType) : _derivedCodes.Map(derived!);
    }

    /// <summary>FedEx's text for the scan, with the exception's text when there is one ("Delivery exception: Customer not available…").</summary>
    private static string Describe(FedexScanEvent scan, string code)
    {
        var text = Clean(scan.EventDescription) ?? Clean(scan.DerivedStatus) ?? code;
        return Clean(scan.ExceptionDescription) is { } exception && !string.Equals(exception, text, StringComparison.OrdinalIgnoreCase)
            ? $"{text}: {exception}"
            : text;
    }

    private static TrackingLookup ErrorLookup(FedexError error)
    {
        var detail = $"{error.Code}: {error.Message}";
        return error.Code!.Contains("NOTFOUND", StringComparison.OrdinalIgnoreCase)
            ? new TrackingLookup.NotFound(detail)
            : new TrackingLookup.Failed("FedEx answered with an error: " + detail);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A lookup's result, and the fields of scans left out because they could not be read.</summary>
public sealed record FedexReading(TrackingLookup Lookup, IReadOnlyList<string> Unreadable);
