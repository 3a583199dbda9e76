using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Carriers.EasyPost.Normalising;
using Shipping.Carriers.EasyPost.Tracking;
using Shipping.Carriers.EasyPost.Webhooks;
using Shipping.Contracts;
using Shipping.Testing;

namespace Shipping.Carriers.EasyPost.Tests;

/// <summary>EasyPost's published files (../shared/specs/easypost) and what the tests compare scans with.</summary>
internal static class EasyPostSpecs
{
    public const string EventBody = "easypost/event-body.json";
    public const string TrackingWebhook = "easypost/tracking-webhook.json";
    public const string TrackersRetrieve = "easypost/trackers-retrieve.json";
    public const string ClientLibraryFixtures = "easypost/client-library-fixtures.json";

    /// <summary>The secret of EasyPost's published signature vector, as its fixture file writes it (precomposed é).</summary>
    public const string VectorSecret = "s\u00e9cret";

    /// <summary>event-body.json as EasyPost signed it: the file without its trailing newline.</summary>
    public static byte[] SignedEventBody()
    {
        var bytes = SpecFiles.ReadBytes(EventBody);
        return bytes[^1] == (byte)'\n' ? bytes[..^1] : bytes;
    }

    /// <summary>The client libraries' signature vector for <see cref="SignedEventBody"/> (fixtures → webhooks.hmac_signature).</summary>
    public static string VectorSignature()
    {
        using var fixtures = JsonDocument.Parse(SpecFiles.Read(ClientLibraryFixtures));
        return fixtures.RootElement.GetProperty("webhooks").GetProperty("hmac_signature").GetString()!;
    }

    public static string VectorSecretFromFixtures()
    {
        using var fixtures = JsonDocument.Parse(SpecFiles.Read(ClientLibraryFixtures));
        return fixtures.RootElement.GetProperty("webhooks").GetProperty("secret").GetString()!;
    }

    public static EasyPostEvent Event(string relative) => JsonSerializer.Deserialize<EasyPostEvent>(SpecFiles.Read(relative), EasyPostJson.Options)!;

    public static Tracker Tracker(string relative) => JsonSerializer.Deserialize<Tracker>(SpecFiles.Read(relative), EasyPostJson.Options)!;

    public static EasyPostNormaliser Normaliser() => new(NullLogger<EasyPostNormaliser>.Instance);
}

/// <summary>A scan as the tests state it: the time as written with its offset ("2024-07-31T15:27:00-04:00"), so both are checked.</summary>
internal sealed record ExpectedScan(
    TrackingStatus Status, TrackingSubstatus Substatus, string RawCode, string RawDescription, string OccurredAt,
    EventLocation? Location, DeliveryEstimate? Estimate = null)
{
    public static ExpectedScan Of(CarrierScan scan) => new(
        scan.Status, scan.Substatus, scan.RawCode, scan.RawDescription, scan.OccurredAt.ToString("yyyy-MM-ddTHH:mm:sszzz"),
        scan.Location, scan.CarrierEstimate);

    public static ExpectedScan Of(TrackingEventObserved observed) => new(
        observed.Status, observed.Substatus, observed.RawCode, observed.RawDescription, observed.OccurredAt.ToString("yyyy-MM-ddTHH:mm:sszzz"),
        observed.Location, observed.CarrierEstimate);
}

internal static class ExpectedScans
{
    private static readonly EventLocation Orlando = new("ORLANDO", "32809", "US", "FL");

    /// <summary>event-body.json: FedEx via EasyPost, Orlando FL to Edison NJ, in summer (EDT, -04:00).</summary>
    public static readonly ExpectedScan[] EventBody =
    [
        // 15:00Z with no state, but ZIP 32837 is Florida: shown at Orlando's offset.
        new(TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified, "pre_transit/label_created", "Shipment information sent to FedEx",
            "2024-07-31T11:00:00-04:00", new EventLocation(null, "32837", "US")),
        new(TrackingStatus.InTransit, TrackingSubstatus.Arrived, "in_transit/arrived_at_facility", "Picked up", "2024-07-31T15:27:00-04:00", Orlando),
        new(TrackingStatus.InTransit, TrackingSubstatus.Arrived, "in_transit/arrived_at_facility", "Arrived at FedEx location", "2024-07-31T18:35:00-04:00", Orlando),
        new(TrackingStatus.InTransit, TrackingSubstatus.Departed, "in_transit/departed_facility", "Departed FedEx location", "2024-08-01T10:42:13-04:00", Orlando),
        new(TrackingStatus.InTransit, TrackingSubstatus.Unspecified, "in_transit/unknown", "On the way", "2024-08-01T22:46:19-04:00",
            new EventLocation("KENLY", "27542", "US", "NC")),
        new(TrackingStatus.InTransit, TrackingSubstatus.Unspecified, "in_transit/unknown", "On the way", "2024-08-02T14:35:20-04:00",
            new EventLocation("EDISON TWP", "08817", "US", "NJ")),
        new(TrackingStatus.InTransit, TrackingSubstatus.Arrived, "in_transit/arrived_at_facility", "Arrived at FedEx location", "2024-08-02T14:50:00-04:00",
            new EventLocation("EDISON", "08817", "US", "NJ"), new DeliveryEstimate(new DateOnly(2024, 8, 5))),
    ];

    /// <summary>trackers-retrieve.json: USPS test tracker, two pre-transit details, the second in Houston without a country.</summary>
    public static readonly ExpectedScan[] TrackersRetrieve =
    [
        new(TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified, "pre_transit/status_update", "Pre-Shipment Info Sent to USPS",
            "2025-04-09T20:40:17+00:00", null),
        new(TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified, "pre_transit/status_update", "Shipping Label Created",
            "2025-04-10T09:17:17+00:00", new EventLocation("HOUSTON", "77063", null, "TX"), new DeliveryEstimate(new DateOnly(2025, 5, 9))),
    ];
}
