using Shipping.Carriers.Normalising;
using Shipping.Carriers.Ups.Tracking;
using Shipping.Contracts;

namespace Shipping.Carriers.Ups.Normalising;

/// <summary>
/// Turns a Track API answer into canonical scans of the parcel asked about. An activity that cannot be read (no
/// status, no usable time) is left out and named in <see cref="NormalisedScans.Errors"/>; the others still count.
/// </summary>
public sealed class TrackResponseNormaliser(UpsStatusMapping mapping)
{
    /// <summary>The packages in the answer that are the parcel asked about (one without a tracking number is taken to be).</summary>
    public static IReadOnlyList<(string Path, TrackPackage Package)> PackagesFor(string trackingNumber, TrackApiResponse? response)
    {
        var wanted = TrackingNumbers.Normalise(trackingNumber);
        var shipments = response?.TrackResponse?.Shipment ?? [];
        return shipments
            .SelectMany((shipment, i) => (shipment?.Package ?? []).Select((package, j) => (Path: $"trackResponse.shipment[{i}].package[{j}]", Package: package)))
            .Where(p => p.Package is not null
                && (string.IsNullOrWhiteSpace(p.Package.TrackingNumber) || TrackingNumbers.Normalise(p.Package.TrackingNumber) == wanted))
            .ToList();
    }

    /// <summary>UPS's warnings in an answer without the parcel (such as "Tracking Information Not Found").</summary>
    public static string Warnings(TrackApiResponse? response) =>
        string.Join("; ", (response?.TrackResponse?.Shipment ?? [])
            .SelectMany(s => s?.Warnings ?? [])
            .OfType<TrackMessage>()
            .Select(w => $"{w.Code} {w.Message}".Trim())
            .Where(w => w.Length > 0));

    public NormalisedScans Normalise(string trackingNumber, TrackApiResponse? response)
    {
        var errors = new Dictionary<string, string[]>();
        var scans = new List<CarrierScan>();
        foreach (var (path, package) in PackagesFor(trackingNumber, response))
        {
            scans.AddRange(Normalise(trackingNumber, path, package, errors));
        }

        return new NormalisedScans(scans, errors);
    }

    private List<CarrierScan> Normalise(string trackingNumber, string path, TrackPackage package, IDictionary<string, string[]> errors)
    {
        var scans = new List<CarrierScan>();
        var activities = package.Activity ?? [];
        for (var i = 0; i < activities.Count; i++)
        {
            var field = $"{path}.activity[{i}]";
            if (activities[i] is not { } activity)
            {
                errors[field] = ["An activity is required."];
                continue;
            }

            if (activity.Status is not { } status || (string.IsNullOrWhiteSpace(status.Type) && string.IsNullOrWhiteSpace(status.Code)))
            {
                errors[$"{field}.status"] = ["A status with a type or a code is required."];
                continue;
            }

            var location = Place(activity.Location?.Address);
            var occurredAt = UpsTime.Resolve(
                new UpsTimestamp(activity.Date, activity.Time, activity.GmtDate, activity.GmtTime, activity.GmtOffset),
                location,
                new TimestampFields($"{field}.date", $"{field}.time", $"{field}.gmtDate", $"{field}.gmtTime", $"{field}.gmtOffset"),
                errors);
            if (occurredAt is null)
            {
                continue;
            }

            var canonical = mapping.Map(status.Type, status.Code, status.StatusCode);
            var rawCode = (string.IsNullOrWhiteSpace(status.Code) ? status.Type : status.Code)!.Trim();
            scans.Add(CarrierScan.Create(
                UpsOptions.Carrier, trackingNumber, canonical.Status, canonical.Substatus, rawCode,
                Describe(status, rawCode), occurredAt.Value, location, null));
        }

        // The package's estimate is UPS's estimate as of its newest event, so it goes on that one, unless that one is
        // the delivery: once delivered, an estimate says nothing.
        if (scans.MaxBy(s => s.OccurredAt) is { Status: not TrackingStatus.Delivered } newest)
        {
            var destination = package.PackageAddress?.FirstOrDefault(a => string.Equals(a?.Type?.Trim(), "DESTINATION", StringComparison.OrdinalIgnoreCase))?.Address;
            var clock = UpsPlaces.LocalClock(Place(destination) ?? newest.Location, newest.OccurredAt.Offset);
            if (UpsEstimates.FromTrackApi(package.DeliveryDate, package.DeliveryTime, clock, errors, path) is { } estimate)
            {
                scans[scans.IndexOf(newest)] = newest with { CarrierEstimate = estimate };
            }
        }

        return scans;
    }

    /// <summary>The address as an event location; <c>country</c> stands in for <c>countryCode</c> only when it is a code too.</summary>
    private static EventLocation? Place(TrackAddress? address) => address is null ? null
        : UpsPlaces.Location(address.City, address.StateProvince, address.PostalCode,
            !string.IsNullOrWhiteSpace(address.CountryCode) ? address.CountryCode : address.Country?.Trim().Length == 2 ? address.Country : null);

    private static string Describe(TrackStatus status, string rawCode) =>
        !string.IsNullOrWhiteSpace(status.Description) ? status.Description.Trim()
        : !string.IsNullOrWhiteSpace(status.SimplifiedTextDescription) ? status.SimplifiedTextDescription.Trim()
        : rawCode;
}
