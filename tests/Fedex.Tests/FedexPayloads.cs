using System.Text.Json;
using System.Text.Json.Nodes;
using Shipping.Carriers.Fedex.Tracking;
using Shipping.Testing;

namespace Shipping.Carriers.Fedex.Tests;

/// <summary>FedEx's payloads for the tests: the spec's files as they are, and variants of them changed field by field.</summary>
internal static class FedexPayloads
{
    /// <summary>The full Track by Tracking Number example (specs/fedex/response200.json).</summary>
    public static string Response200 => SpecFiles.Read("fedex/response200.json");

    /// <summary>The tracking number response200.json answers for (its completeTrackResults[0].trackingNumber).</summary>
    public const string Response200Number = "123456789012";

    /// <summary>
    /// A number FedEx does not know, answered the way the Track API answers it: HTTP 200 with a CXSError inside the track
    /// result. Built in the shape of the spec's error examples (TrackingNumbers-Resource.json, responses 400-503), with the
    /// code and message of Notifications-Resource.json's 400 example and the number of the spec's request example.
    /// </summary>
    public static string NotFound => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "not-found.json"));

    public const string NotFoundNumber = "794843185271";

    /// <summary>The example error body the spec gives for an HTTP status of the Track endpoint.</summary>
    public static string SpecErrorExample(int status) =>
        JsonNode.Parse(SpecFiles.Read("fedex/TrackingNumbers-Resource.json"))!
            ["paths"]!["/track/v1/trackingnumbers"]!["post"]!["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!
            ["content"]!["application/json"]!["example"]!.ToJsonString();

    /// <summary>response200.json with its (only) track result changed by <paramref name="edit"/>.</summary>
    public static string Response200With(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(Response200)!;
        edit(TrackResult(root));
        return root.ToJsonString();
    }

    public static JsonObject TrackResult(JsonNode root) => root["output"]!["completeTrackResults"]![0]!["trackResults"]![0]!.AsObject();

    public static FedexTrackResponse Parse(string json) => JsonSerializer.Deserialize<FedexTrackResponse>(json, FedexJson.Options)!;

    public static FedexTrackResult FirstResult(string json) => Parse(json).Output!.CompleteTrackResults![0].TrackResults![0];

    /// <summary>A track result with the given scans and nothing else, for code and time tests.</summary>
    public static FedexTrackResult ResultWith(params FedexScanEvent[] scans) =>
        new(null, null, scans, null, null, null, null, null, null, null);

    public static readonly FedexAddress Memphis = new("MEMPHIS", "TN", "38118", "US");

    public static FedexScanEvent Scan(
        string? eventType, string date = "2026-11-23T09:15:00-06:00", string? derived = null, string? exceptionDescription = null,
        FedexDelayDetail? delay = null, string? locationType = null, FedexAddress? location = null, string? description = "Scan") =>
        new(date, eventType, description, derived, null, null, exceptionDescription, location ?? Memphis, null, locationType, delay);
}
