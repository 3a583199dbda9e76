using System.Globalization;
using System.Text.Json;
using Shipping.Carriers.EasyPost.Tracking;
using Shipping.Carriers.EasyPost.Webhooks;
using Shipping.Carriers.Normalising;
using Shipping.Carriers.Time;
using Shipping.Contracts;

namespace Shipping.Carriers.EasyPost.Normalising;

/// <summary>
/// Turns an EasyPost Tracker (polled, or inside a webhook Event) into canonical scans, one per tracking detail, or
/// says which fields are wrong. Polling and webhooks both come here, so the same scan gets the same id either way.
/// </summary>
public sealed class EasyPostNormaliser(ILogger<EasyPostNormaliser> logger)
{
    /// <summary>The Event descriptions whose result is a Tracker; every other Event carries no scans.</summary>
    public static readonly IReadOnlySet<string> TrackerEvents = new HashSet<string>(StringComparer.Ordinal) { "tracker.created", "tracker.updated" };

    private readonly CodeMapping _statuses = new(EasyPostOptions.Carrier, EasyPostCodes.Statuses, EasyPostCodes.Fallback, logger);
    private readonly CodeMapping _details = new(EasyPostOptions.Carrier, EasyPostCodes.StatusDetails, EasyPostCodes.Fallback, logger);

    /// <summary>
    /// A webhook Event. Events about something other than a tracker (EasyPost sends every kind to the webhook URL
    /// unless told otherwise) are authentic and well formed, so they are accepted with no scans, not refused: a
    /// refusal would only make EasyPost send them again.
    /// </summary>
    public NormalisedScans Normalise(EasyPostEvent webhookEvent)
    {
        if (string.IsNullOrWhiteSpace(webhookEvent.Description))
        {
            return NormalisedScans.Invalid("description", "The Event's description is required.");
        }

        if (!TrackerEvents.Contains(webhookEvent.Description))
        {
            return NormalisedScans.Valid([]);
        }

        if (webhookEvent.Result.ValueKind != JsonValueKind.Object)
        {
            return NormalisedScans.Invalid("result", $"A {webhookEvent.Description} Event carries its Tracker.");
        }

        Tracker? tracker;
        try
        {
            tracker = webhookEvent.Result.Deserialize<Tracker>(EasyPostJson.Options);
        }
        catch (JsonException e)
        {
            return NormalisedScans.Invalid("result", $"Not an EasyPost Tracker: {e.Message}");
        }

        return Normalise(tracker!, "result");
    }

    /// <param name="field">Where the tracker sits in the payload, to name bad fields ("result" in an Event).</param>
    public NormalisedScans Normalise(Tracker tracker, string field = "")
    {
        string Field(string name) => field.Length == 0 ? name : $"{field}.{name}";
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(tracker.TrackingCode))
        {
            errors[Field("tracking_code")] = ["The tracking code is required."];
        }

        // The day EasyPost expects delivery, as of the tracker's newest scan: the carrier's local date when given.
        var estimatedDay = tracker.CarrierDetail?.EstDeliveryDateLocal is { Length: > 0 } local
            ? ReadDay(local, Field("carrier_detail.est_delivery_date_local"), errors)
            : ReadDay(tracker.EstDeliveryDate, Field("est_delivery_date"), errors);

        var details = tracker.TrackingDetails ?? [];
        var read = new List<(TrackingDetail Detail, DateTimeOffset At, EventLocation? Location, DateOnly? Estimate)>();
        for (var i = 0; i < details.Count; i++)
        {
            var at = Field($"tracking_details[{i}]");
            if (details[i] is not { } detail)
            {
                errors[at] = ["A tracking detail is required."];
                continue;
            }

            var location = Location(detail.TrackingLocation);
            var estimate = ReadDay(detail.EstDeliveryDate, $"{at}.est_delivery_date", errors);
            if (string.IsNullOrWhiteSpace(detail.Datetime))
            {
                errors[$"{at}.datetime"] = ["The scan's time is required."];
                continue;
            }

            try
            {
                read.Add((detail, ReadTime(detail.Datetime, location), location, estimate));
            }
            catch (FormatException e)
            {
                errors[$"{at}.datetime"] = [e.Message];
            }
        }

        if (errors.Count > 0)
        {
            return NormalisedScans.Invalid(errors);
        }

        var newest = read.Count == 0 ? -1 : Enumerable.Range(0, read.Count).MaxBy(i => read[i].At);
        var scans = read.Select((r, i) =>
        {
            var status = string.IsNullOrWhiteSpace(r.Detail.Status) ? "unknown" : r.Detail.Status.Trim();
            var detail = string.IsNullOrWhiteSpace(r.Detail.StatusDetail) ? null : r.Detail.StatusDetail.Trim();
            var canonical = Map(status, detail);
            if (canonical is { Status: TrackingStatus.Delivered, Substatus: TrackingSubstatus.Unspecified } && !string.IsNullOrWhiteSpace(tracker.SignedBy))
            {
                canonical = canonical with { Substatus = TrackingSubstatus.SignedBy };
            }

            var rawCode = detail is null ? status : $"{status}/{detail}";
            var text = new[] { r.Detail.Message, r.Detail.Description }.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? rawCode;
            var day = i == newest ? estimatedDay ?? r.Estimate : r.Estimate;
            return CarrierScan.Create(
                EasyPostOptions.Carrier, tracker.TrackingCode!, canonical.Status, canonical.Substatus, rawCode, text.Trim(),
                r.At, r.Location, day is { } d ? new DeliveryEstimate(d) : null);
        }).ToList();

        return NormalisedScans.Valid(scans, string.IsNullOrWhiteSpace(tracker.PublicUrl) ? null : tracker.PublicUrl);
    }

    /// <summary>A scan's canonical status from its own status and detail (<see cref="EasyPostCodes.Combine"/>).</summary>
    public CanonicalStatus Map(string status, string? detail)
    {
        var byDetail = detail is null ? (CanonicalStatus?)null : _details.Map(detail);
        if (status.Equals("unknown", StringComparison.OrdinalIgnoreCase) || !_statuses.Table.TryGetValue(status, out var byStatus))
        {
            // EasyPost does not know (or we do not know EasyPost's status): the detail, if any, is all there is to go by.
            var fallback = _statuses.Map(status);
            return byDetail ?? fallback;
        }

        return EasyPostCodes.Combine(byStatus, byDetail);
    }

    /// <summary>
    /// EasyPost writes scan times in UTC (<c>2024-07-31T19:27:00Z</c>). The instant is kept and shown with the offset
    /// of the scan's place where its zone is known (ORLANDO, FL: <c>15:27:00-04:00</c>), else as UTC. A time written
    /// without an offset is read in the place's zone, never as UTC, and refused when the zone is unknown.
    /// </summary>
    public static DateTimeOffset ReadTime(string text, EventLocation? location)
    {
        var at = CarrierTime.Parse(text, location);
        return at.Offset == TimeSpan.Zero && TimeZones.ForLocation(location) is { } zone ? TimeZoneInfo.ConvertTime(at, zone) : at;
    }

    /// <summary>
    /// An estimated delivery day: a bare date, or a timestamp whose day as written is the estimate. EasyPost writes the
    /// day as midnight UTC (<c>2024-08-05T00:00:00Z</c> beside the local date 2024-08-05); moving that into an American
    /// zone would make it the day before.
    /// </summary>
    private static DateOnly? ReadDay(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        if (value.Length > 10 && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return DateOnly.FromDateTime(at.DateTime);
        }

        errors[field] = [$"'{value}' is not a date (yyyy-MM-dd) or an ISO 8601 timestamp."];
        return null;
    }

    private static EventLocation? Location(TrackingLocation? location)
    {
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (location is null)
        {
            return null;
        }

        var (city, zip, state) = (Clean(location.City), Clean(location.Zip), Clean(location.State));
        var country = Clean(location.Country) is { Length: 2 } code ? code.ToUpperInvariant() : Clean(location.Country);
        return city is null && zip is null && country is null && state is null ? null : new EventLocation(city, zip, country, state);
    }
}
