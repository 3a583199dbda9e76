using System.Globalization;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Web.Localisation;

namespace Shipping.Web.Tracking;

/// <summary>Everything the tracking page shows, read for one tracking link.</summary>
public sealed record TrackingPage(string Tenant, string Token, BrandSettings Brand, TrackedOrder Order, IReadOnlyList<ShipmentDetails> Shipments, TimeZoneInfo? Zone);

/// <summary>The five steps of the progress bar.</summary>
public enum JourneyStep
{
    Ordered,
    Shipped,
    InTransit,
    OutForDelivery,
    Delivered,
}

/// <summary>How the page words and places a shipment: pure functions, unit-tested.</summary>
public static class TrackingPresentation
{
    public static readonly IReadOnlyList<JourneyStep> Steps = Enum.GetValues<JourneyStep>();

    /// <summary>The step a status reaches; null for statuses that are not a step (exceptions, returns), which keep the furthest step reached.</summary>
    public static JourneyStep? StepOf(TrackingStatus status) => status switch
    {
        TrackingStatus.Pending => JourneyStep.Ordered,
        TrackingStatus.InfoReceived => JourneyStep.Shipped,
        TrackingStatus.InTransit => JourneyStep.InTransit,
        TrackingStatus.OutForDelivery or TrackingStatus.AttemptFail or TrackingStatus.AvailableForPickup => JourneyStep.OutForDelivery,
        TrackingStatus.Delivered => JourneyStep.Delivered,
        _ => null,
    };

    /// <summary>The furthest step the shipment reached, and whether it now has a problem (exception, failed attempt, return, no news).</summary>
    public static (JourneyStep Step, bool Problem) Progress(ShipmentDetails shipment)
    {
        var reached = shipment.Events.Select(e => StepOf(e.Status)).Append(StepOf(shipment.Status))
            .Where(s => s is not null).Select(s => s!.Value).DefaultIfEmpty(JourneyStep.Ordered).Max();
        var problem = shipment.Status is TrackingStatus.Exception or TrackingStatus.AttemptFail or TrackingStatus.ReturnToSender or TrackingStatus.Expired;
        return (reached, problem);
    }

    /// <summary>The customer's zone (IANA or Windows id), or null when unknown.</summary>
    public static TimeZoneInfo? ZoneOf(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : null;

    /// <summary>A moment in the customer's zone (their offset on that date, daylight saving included); the carrier's own offset when the zone is unknown.</summary>
    public static DateTimeOffset Local(DateTimeOffset moment, TimeZoneInfo? zone) => zone is null ? moment : TimeZoneInfo.ConvertTime(moment, zone);

    public static string Time(DateTimeOffset moment, TimeZoneInfo? zone, Texts texts)
    {
        var local = Local(moment, zone);
        return local.ToString(texts.Language == "de" ? "ddd, d. MMM yyyy, HH:mm" : "ddd d MMM yyyy, HH:mm", texts.Culture);
    }

    public static string Day(DateOnly day, Texts texts) => day.ToString(texts.Language == "de" ? "dddd, d. MMMM" : "dddd d MMMM", texts.Culture);

    /// <summary>The expected delivery in words, and where it comes from.</summary>
    public static (string When, string? Source) Expected(ShipmentDetails shipment, TimeZoneInfo? zone, Texts texts)
    {
        (DeliveryEstimate? estimate, EstimateSource? source) = shipment.ExpectedDelivery is { } expected
            ? (expected.Estimate, expected.Source)
            : shipment.CarrierEstimate is { } carrier ? (carrier, EstimateSource.Carrier)
            : shipment.PromisedDeliveryDate is { } promised ? (new DeliveryEstimate(promised), EstimateSource.Promised)
            : ((DeliveryEstimate?)null, (EstimateSource?)null);
        if (estimate is null)
        {
            return (texts["Expected.Unknown"], null);
        }

        string when;
        if (estimate.WindowStart is { } start && estimate.WindowEnd is { } end)
        {
            var (from, to) = (Local(start, zone), Local(end, zone));
            when = texts.Format("Expected.Window", Day(DateOnly.FromDateTime(from.DateTime), texts), from.ToString("HH:mm", texts.Culture), to.ToString("HH:mm", texts.Culture));
        }
        else if (estimate.LastDay > estimate.Date)
        {
            when = texts.Format("Expected.Range", Day(estimate.Date, texts), Day(estimate.LastDay, texts));
        }
        else
        {
            when = Day(estimate.Date, texts);
        }

        var sourceText = source switch
        {
            EstimateSource.Carrier => texts.Format("Source.Carrier", CarrierName(shipment.Carrier)),
            EstimateSource.History => texts["Source.History"],
            EstimateSource.Promised => texts["Source.Promised"],
            _ => null,
        };
        return (when, sourceText);
    }

    /// <summary>The delay banner: what happened and what happens next, in plain words; null when the shipment is not delayed (or already delivered).</summary>
    public static (string What, string Next)? DelayBanner(ShipmentDetails shipment, Texts texts)
    {
        if (shipment.Delays.Count == 0 || shipment.Status == TrackingStatus.Delivered)
        {
            return null;
        }

        var latest = shipment.Delays.OrderBy(d => d.DetectedAt).Last();
        var what = texts["Delay." + latest.Reason];
        var newDate = latest.NewEstimate?.Date ?? shipment.ExpectedDelivery?.Estimate.Date;
        var next = newDate is { } date ? texts.Format("Delay.NextWithDate", Day(date, texts)) : texts["Delay.Next"];
        return (what, next);
    }

    public static string CarrierName(string carrier) => carrier.ToLowerInvariant() switch
    {
        "dhl" => "DHL",
        "ups" => "UPS",
        "fedex" => "FedEx",
        "usps" => "USPS",
        "easypost" => "EasyPost",
        "simulator" => "Simulator",
        _ => carrier,
    };

    /// <summary>The carrier's own public tracking page for a parcel, where there is one.</summary>
    public static string? CarrierTrackingUrl(string carrier, string trackingNumber)
    {
        var number = Uri.EscapeDataString(trackingNumber);
        return carrier.ToLowerInvariant() switch
        {
            "dhl" => $"https://www.dhl.com/global-en/home/tracking.html?tracking-id={number}",
            "ups" => $"https://www.ups.com/track?tracknum={number}",
            "fedex" => $"https://www.fedex.com/fedextrack/?trknbr={number}",
            "usps" => $"https://tools.usps.com/go/TrackConfirmAction?tLabels={number}",
            _ => null,
        };
    }

    /// <summary>The zone's name as shown ("Europe/Berlin, UTC+01:00"), or null.</summary>
    public static string? ZoneLabel(TimeZoneInfo? zone, DateTimeOffset now) =>
        zone is null ? null : $"{zone.Id}, UTC{zone.GetUtcOffset(now).ToString("\\+hh\\:mm", CultureInfo.InvariantCulture).Replace("+-", "-", StringComparison.Ordinal)}";
}
