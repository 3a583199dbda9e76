using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Carriers.Ups.Normalising;
using Shipping.Carriers.Ups.Tracking;
using Shipping.Carriers.Ups.Webhooks;
using Shipping.Contracts;
using Shipping.Testing;

namespace Shipping.Carriers.Ups.Tests;

/// <summary>The UPS payloads the tests use: the spec's own examples, and the fixtures built in the spec's shape (Fixtures/README.md).</summary>
internal static class TestData
{
    public const string TrackFixture = "Tracking.details.1Z023E2X0214323462.json";
    public const string TrackFixtureNumber = "1Z023E2X0214323462";
    public const string TrackAlertNumber = "1Z204W4R0308071865";

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, UpsJson.Options)!;

    /// <summary>A Track Alert example as embedded in UPSTrackAlert.yaml (YAML scalars come back as strings).</summary>
    public static JsonNode TrackAlertSpecExample(string key) =>
        SpecFiles.ReadYamlAsJson("ups/UPSTrackAlert.yaml")["webhooks"]!["TrackingEvent"]!["post"]!["requestBody"]!["content"]!
            ["application/json"]!["examples"]![key]!["value"]!;

    public static TrackResponseNormaliser TrackNormaliser() => new(new UpsStatusMapping(NullLogger<UpsStatusMapping>.Instance));

    public static TrackAlertNormaliser AlertNormaliser() => new(new UpsStatusMapping(NullLogger<UpsStatusMapping>.Instance));

    public static TrackAlertEvent Alert(string json) => Deserialize<TrackAlertEvent>(json);

    /// <summary>A Track Alert body with the given fields replaced (JSON null removes one).</summary>
    public static string AlertJson(string fixture, Action<JsonObject> change)
    {
        var body = JsonNode.Parse(Fixture(fixture))!.AsObject();
        change(body);
        return body.ToJsonString();
    }

    public static string NewTrackingNumber() => "1ZT" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant();

    public static string At(DateTimeOffset? at) => at?.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) ?? "-";
}

/// <summary>A canonical scan as a test states it: times written with their offsets, so a wrong offset fails.</summary>
internal sealed record ExpectedScan(
    TrackingStatus Status, TrackingSubstatus Substatus, string RawCode, string RawDescription, string OccurredAt,
    EventLocation? Location, string? Estimate = null)
{
    public static ExpectedScan Of(CarrierScan scan) => new(
        scan.Status, scan.Substatus, scan.RawCode, scan.RawDescription, TestData.At(scan.OccurredAt), scan.Location, Describe(scan.CarrierEstimate));

    public static ExpectedScan Of(TrackingEventObserved scan) => new(
        scan.Status, scan.Substatus, scan.RawCode, scan.RawDescription, TestData.At(scan.OccurredAt), scan.Location, Describe(scan.CarrierEstimate));

    /// <summary><c>2021-02-11 2021-02-11T09:00:00-05:00..2021-02-11T13:00:00-05:00</c>; <c>-</c> for no window end.</summary>
    public static string? Describe(DeliveryEstimate? estimate) =>
        estimate is null ? null : $"{estimate.Date:yyyy-MM-dd} {TestData.At(estimate.WindowStart)}..{TestData.At(estimate.WindowEnd)}";
}
