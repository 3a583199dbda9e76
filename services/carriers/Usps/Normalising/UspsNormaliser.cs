using Shipping.Carriers.Normalising;
using Shipping.Carriers.Usps.Tracking;
using Shipping.Contracts;

namespace Shipping.Carriers.Usps.Normalising;

/// <summary>
/// Turns one USPS tracking detail (a Tracking v3r2 answer item, or a notification's payload) into canonical scans.
/// Events it cannot read are reported by field (<c>trackingEvents[2].eventTimestamp</c>) next to the scans it could.
/// </summary>
public sealed class UspsNormaliser(ILogger<UspsNormaliser> logger)
{
    private readonly CodeMapping _mapping = new(UspsOptions.Carrier, UspsCodes.EventCodes, UspsCodes.Fallback, logger);

    /// <param name="trackingNumber">The number asked for, when the detail does not repeat it.</param>
    public NormalisedScans Normalise(UspsTrackingDetail detail, string? trackingNumber = null)
    {
        var errors = new Dictionary<string, string[]>();
        var number = Clean(detail.TrackingNumber) ?? Clean(trackingNumber);
        if (number is null)
        {
            errors["trackingNumber"] = ["A tracking number is required."];
        }

        var (field, events) = detail.TrackingEvents is { } many
            ? ("trackingEvents", many)
            : ("trackingEvent", detail.TrackingEvent is { } one ? [one] : (IReadOnlyList<UspsTrackingEvent?>)[]);

        var read = new List<(UspsTrackingEvent Event, string Code, DateTimeOffset At, EventLocation? Location)>();
        for (var i = 0; i < events.Count; i++)
        {
            var path = detail.TrackingEvents is null ? field : $"{field}[{i}]";
            if (events[i] is not { } e)
            {
                errors[path] = ["An event is required."];
                continue;
            }

            var code = Clean(e.EventCode);
            if (code is null)
            {
                errors[$"{path}.eventCode"] = ["An event code is required."];
            }

            var location = UspsLocation.Of(e.EventCity, e.EventZipCode ?? e.EventZip, e.EventState, e.EventCountry);
            try
            {
                var at = UspsEventTime.Resolve(e, location);
                if (code is not null)
                {
                    read.Add((e, code, at, location));
                }
            }
            catch (FormatException ex)
            {
                errors[$"{path}.eventTimestamp"] = [ex.Message];
            }
        }

        if (number is null)
        {
            return NormalisedScans.Invalid(errors);
        }

        // USPS's delivery expectation is as of now, so it goes on the newest event.
        var newest = read.Count == 0 ? default : read.MaxBy(r => r.At).At;
        var estimate = UspsDeliveryEstimate.From(detail);
        var scans = read.Select(r =>
        {
            var isNewest = r.At == newest;
            var canonical = Classify(r.Code, r.Event.EventType, isNewest ? detail.StatusCategory : null);
            var description = Clean(r.Event.EventType) ?? Clean(r.Event.ScanEventExtractEventName) ?? r.Code;
            return CarrierScan.Create(
                UspsOptions.Carrier, number, canonical.Status, canonical.Substatus, r.Code, description, r.At, r.Location,
                isNewest ? estimate : null);
        }).ToList();

        return errors.Count == 0 ? NormalisedScans.Valid(scans) : new NormalisedScans(scans, errors);
    }

    /// <param name="statusCategory">The parcel's current category, given only for its newest event.</param>
    internal CanonicalStatus Classify(string code, string? eventType, string? statusCategory)
    {
        var known = UspsCodes.EventCodes.ContainsKey(code);
        var canonical = _mapping.Map(code);
        if (!known)
        {
            return Clean(statusCategory) is { } category && UspsCodes.StatusCategories.TryGetValue(category, out var byCategory)
                ? byCategory
                : canonical;
        }

        if (canonical.Status == TrackingStatus.Delivered && canonical.Substatus == TrackingSubstatus.Unspecified && eventType is not null)
        {
            foreach (var (phrase, place) in UspsCodes.DeliveredAt)
            {
                if (eventType.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                {
                    return place;
                }
            }
        }

        return canonical;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
