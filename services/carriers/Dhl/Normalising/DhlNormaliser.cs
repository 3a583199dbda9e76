using System.Collections.Concurrent;
using System.Globalization;
using Shipping.Carriers.Dhl.Tracking;
using Shipping.Carriers.Normalising;
using Shipping.Carriers.Time;
using Shipping.Contracts;

namespace Shipping.Carriers.Dhl.Normalising;

/// <summary>What one DHL response says about the tracking number asked for.</summary>
/// <param name="Scans">The chosen shipment's events as canonical scans, in DHL's order (newest first).</param>
/// <param name="Refused">Events that could not be read (field: reason); the others are kept.</param>
/// <param name="SelfServiceUrl">DHL's page where the customer may redirect the parcel (rerouteUrl, else serviceUrl).</param>
/// <param name="Service">Which DHL service answered (express, parcel-de, …), to ask that one next time.</param>
/// <param name="ShipmentsInResponse">How many shipments DHL listed for the number.</param>
public sealed record DhlScans(
    IReadOnlyList<CarrierScan> Scans, IReadOnlyList<string> Refused, string? SelfServiceUrl, string? Service, int ShipmentsInResponse)
{
    public static readonly DhlScans None = new([], [], null, null, 0);
}

/// <summary>
/// Turns a DHL Unified Tracking response into canonical scans.
/// <list type="bullet">
/// <item>Status: <see cref="DhlStatusCodes"/>. The raw code is the <c>status</c> when it is a carrier code (upper
/// case: DELIVERED, NOT_HOME), else the <c>statusCode</c> (parcel-de writes sentences there); the raw text is the
/// description, else the status.</item>
/// <item>Time: a timestamp with an offset keeps it. One without is read in the zone of the event's location; when that
/// is unknown, in the zone of the shipment's origin (for events before handover) or destination (after), then the
/// other, then the shipment's status location. If none is known, that event is refused, not guessed as UTC.</item>
/// <item>One tracking number may match several shipments (an ecommerce customer confirmation number does): the one
/// whose id is the number and whose newest event is the latest is taken; parcels are never mixed into one journey.</item>
/// <item>The shipment-level <c>status</c> is DHL's newest event again; it adds a scan only when the events lack it.</item>
/// <item>The estimate (<c>estimatedTimeOfDelivery</c>, window from <c>estimatedDeliveryTimeFrame</c>) goes on the
/// newest scan.</item>
/// </list>
/// </summary>
public sealed class DhlNormaliser(ILogger<DhlNormaliser> logger)
{
    private readonly CodeMapping _statusCodes = new(DhlOptions.Carrier, DhlStatusCodes.StatusCodes, DhlStatusCodes.Fallback, logger);
    private readonly ConcurrentDictionary<string, bool> _unknownStatuses = new(StringComparer.OrdinalIgnoreCase);

    public DhlScans Normalise(string trackingNumber, DhlShipmentsResponse response)
    {
        var shipments = response.Shipments?.Where(s => s is not null).ToList() ?? [];
        if (shipments.Count == 0)
        {
            return DhlScans.None;
        }

        var wanted = TrackingNumbers.Normalise(trackingNumber);
        var candidates = shipments.Where(s => s.Id is { } id && TrackingNumbers.Normalise(id) == wanted).ToList();
        if (candidates.Count == 0)
        {
            candidates = shipments;
        }

        // One number can name several shipments (64888 names nine): follow the one that moved last. They are ranked
        // by their newest timestamp as written, before the full reading, so only the one followed is normalised.
        // Two candidates whose newest moments lie within a day of each other (a missing offset could swap them) are
        // both read in full and compared exactly.
        var ranked = candidates.Select(s => (Shipment: s, Newest: RoughNewest(s))).OrderByDescending(c => c.Newest).ToList();
        var close = ranked.TakeWhile(c => ranked[0].Newest - c.Newest < TimeSpan.FromDays(1)).Select(c => c.Shipment).ToList();
        var chosen = close.Count == 1
            ? Normalise(trackingNumber, close[0])
            : close.Select(s => Normalise(trackingNumber, s)).MaxBy(r => r.Scans.Count == 0 ? DateTimeOffset.MinValue : r.Scans.Max(s => s.OccurredAt))!;
        return chosen with { ShipmentsInResponse = shipments.Count };
    }

    /// <summary>The shipment's newest timestamp read as written (no offset taken as UTC): good for ranking to within hours.</summary>
    private static DateTimeOffset RoughNewest(DhlShipment shipment)
    {
        var newest = DateTimeOffset.MinValue;
        foreach (var e in (shipment.Events ?? []).Append(shipment.Status))
        {
            if (e?.Timestamp is { } text
                && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                && at > newest)
            {
                newest = at;
            }
        }

        return newest;
    }

    private DhlScans Normalise(string trackingNumber, DhlShipment shipment)
    {
        var places = new Places(
            DhlLocations.From(shipment.Origin?.Address),
            DhlLocations.From(shipment.Destination?.Address),
            DhlLocations.From(shipment.Status?.Location?.Address));

        var scans = new List<CarrierScan>();
        var refused = new List<string>();
        var events = shipment.Events ?? [];
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is { } e)
            {
                AddScan(trackingNumber, e, $"events[{i}]", places, scans, refused);
            }
        }

        if (shipment.Status is { } status)
        {
            var fromEvents = scans.Select(s => s.EventId).ToHashSet();
            var extra = new List<CarrierScan>();
            AddScan(trackingNumber, status, "status", places, extra, events.Count > 0 ? [] : refused);
            scans.InsertRange(0, extra.Where(s => !fromEvents.Contains(s.EventId)));
        }

        var estimate = Estimate(shipment, places, refused);
        if (estimate is not null && scans.Count > 0)
        {
            var newest = scans.MaxBy(s => s.OccurredAt)!;
            scans[scans.IndexOf(newest)] = newest with { CarrierEstimate = estimate };
        }

        return new DhlScans(scans, refused, SelfServiceUrl(shipment), Clean(shipment.Service), 1);
    }

    private void AddScan(string trackingNumber, DhlEvent e, string field, Places places, List<CarrierScan> scans, List<string> refused)
    {
        if (Clean(e.Timestamp) is not { } timestamp)
        {
            refused.Add($"{field}.timestamp: missing");
            return;
        }

        var (canonical, rawCode) = Classify(e);
        var location = DhlLocations.From(e.Location?.Address);
        var zone = places.ZoneFor(location, beforeHandover: canonical.Status == TrackingStatus.InfoReceived);
        try
        {
            var at = CarrierTime.Parse(timestamp, zone ?? location);
            var rawDescription = Clean(e.Description) ?? Clean(e.Status) ?? rawCode;
            scans.Add(CarrierScan.Create(
                DhlOptions.Carrier, trackingNumber, canonical.Status, canonical.Substatus, rawCode, rawDescription, at, location, null));
        }
        catch (FormatException)
        {
            // Said without the place itself: a delivery's locality is the recipient's.
            refused.Add(zone is null
                ? $"{field}.timestamp: '{timestamp}' has no UTC offset, and neither the event nor the shipment names a place whose zone is known"
                : $"{field}.timestamp: '{timestamp}' is not an ISO 8601 time");
        }
    }

    private (CanonicalStatus Canonical, string RawCode) Classify(DhlEvent e)
    {
        var status = Clean(e.Status);
        var statusCode = Clean(e.StatusCode)?.ToLowerInvariant();
        var isCarrierCode = status is not null && status.Any(char.IsLetter) && !status.Any(char.IsLower);
        var rawCode = isCarrierCode ? status! : statusCode ?? "unknown";

        CanonicalStatus canonical;
        if (status is not null && DhlStatusCodes.Statuses.TryGetValue(status, out var known))
        {
            canonical = known;
        }
        else
        {
            if (isCarrierCode && _unknownStatuses.TryAdd(status!, true))
            {
                logger.LogWarning("Unknown {Carrier} status {Status}; mapped by its statusCode {StatusCode}", DhlOptions.Carrier, status, statusCode);
            }

            canonical = statusCode is null ? DhlStatusCodes.Fallback : _statusCodes.Map(statusCode);
        }

        if (canonical is { Status: TrackingStatus.Delivered, Substatus: TrackingSubstatus.Unspecified }
            && Clean(e.Description) is { } description
            && DhlStatusCodes.DeliveredDescriptions.TryGetValue(description, out var where))
        {
            canonical = canonical with { Substatus = where };
        }

        return (canonical, rawCode);
    }

    private static DeliveryEstimate? Estimate(DhlShipment shipment, Places places, List<string> refused)
    {
        var destination = places.ZoneFor(null, beforeHandover: false);
        var zone = TimeZones.ForLocation(destination);
        DateTimeOffset? Read(string? text, string field)
        {
            if (Clean(text) is not { } value)
            {
                return null;
            }

            try
            {
                return CarrierTime.Parse(value, destination);
            }
            catch (FormatException)
            {
                refused.Add($"{field}: '{value}' is not a time that can be placed");
                return null;
            }
        }

        // The day the parcel is expected is a day in the calendar at the destination, whatever offset DHL wrote.
        DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(zone is null ? at.DateTime : TimeZoneInfo.ConvertTime(at, zone).DateTime);

        var from = Read(shipment.EstimatedDeliveryTimeFrame?.EstimatedFrom, "estimatedDeliveryTimeFrame.estimatedFrom");
        var through = Read(shipment.EstimatedDeliveryTimeFrame?.EstimatedThrough, "estimatedDeliveryTimeFrame.estimatedThrough");

        // DHL's timestamps may also be bare dates (the spec's Timestamp is DateTime or Date): a day needs no zone.
        DateOnly? day = DateOnly.TryParseExact(Clean(shipment.EstimatedTimeOfDelivery), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var bare)
            ? bare
            : Read(shipment.EstimatedTimeOfDelivery, "estimatedTimeOfDelivery") is { } eta ? LocalDay(eta) : null;
        day ??= (from ?? through) is { } start ? LocalDay(start) : null;

        return day is { } date ? new DeliveryEstimate(date, from, through) : null;
    }

    private static string? SelfServiceUrl(DhlShipment shipment) =>
        new[] { shipment.RerouteUrl, shipment.ServiceUrl }
            .Select(Clean)
            .FirstOrDefault(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The shipment's places, to read a time without an offset when its event's own location has no known zone.</summary>
    private sealed record Places(EventLocation? Origin, EventLocation? Destination, EventLocation? StatusLocation)
    {
        /// <summary>The first of the places whose zone is known, or null.</summary>
        public EventLocation? ZoneFor(EventLocation? own, bool beforeHandover)
        {
            EventLocation?[] candidates = beforeHandover
                ? [own, Origin, Destination, StatusLocation]
                : [own, Destination, Origin, StatusLocation];
            return candidates.FirstOrDefault(l => TimeZones.ForLocation(l) is not null);
        }
    }
}
