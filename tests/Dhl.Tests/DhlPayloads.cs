using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Carriers.Dhl.Normalising;
using Shipping.Carriers.Dhl.Tracking;
using Shipping.Contracts;
using Shipping.Testing;

namespace Shipping.Carriers.Dhl.Tests;

/// <summary>DHL's payloads from ../shared/specs/dhl, read as the adapter reads them.</summary>
internal static class DhlPayloads
{
    public const string Express = "dhl/7777777770.json";
    public const string ParcelDe = "dhl/JJD000390005893028175.json";
    public const string ParcelNl = "dhl/3SHM00001165430.json";
    public const string Ecommerce = "dhl/64888.json";
    public const string NotFound = "dhl/not_found.json";

    /// <summary>The rerouteUrl example of the spec's Shipment schema.</summary>
    public const string SpecRerouteUrl = "https://www.dhl.de/de/privatkunden.html?piececode=7777777770&verfuegen_selected_tab=FIRST";

    public static DhlShipmentsResponse Parse(string json) => JsonSerializer.Deserialize<DhlShipmentsResponse>(json, DhlJson.Options)!;

    public static DhlScans Normalise(string trackingNumber, string json) =>
        new DhlNormaliser(NullLogger<DhlNormaliser>.Instance).Normalise(trackingNumber, Parse(json));

    public static JsonObject Node(string specFile) => JsonNode.Parse(SpecFiles.Read(specFile))!.AsObject();

    /// <summary>
    /// A response holding the shipment the spec's schemas describe with their <c>example</c>s (openapi.v1.json,
    /// components.schemas: supermodelIoLogisticsTrackingShipment, its estimatedDeliveryTimeFrame, ShipmentEvent for
    /// status and events, SupportingPlace for every location). The spec has no whole Shipment example; this is every
    /// example it gives for one, taken from the file as they are (the id example is the number 7777777770).
    /// </summary>
    public static string SpecSchemaExample()
    {
        var schemas = Node("dhl/openapi.v1.json")["components"]!["schemas"]!;
        var place = schemas["supermodelIoLogisticsSupportingPlace"]!["example"]!;

        var shipmentEvent = new JsonObject();
        foreach (var (name, property) in schemas["supermodelIoLogisticsTrackingShipmentEvent"]!["properties"]!.AsObject())
        {
            if (property?["example"] is { } example)
            {
                shipmentEvent[name] = example.DeepClone();
            }
        }

        shipmentEvent["location"] = place.DeepClone();

        var shipmentSchema = schemas["supermodelIoLogisticsTrackingShipment"]!["properties"]!.AsObject();
        var shipment = new JsonObject();
        foreach (var (name, property) in shipmentSchema)
        {
            if (property?["example"] is { } example)
            {
                shipment[name] = example.DeepClone();
            }
        }

        var frame = shipmentSchema["estimatedDeliveryTimeFrame"]!["properties"]!;
        shipment["estimatedDeliveryTimeFrame"] = new JsonObject
        {
            ["estimatedFrom"] = frame["estimatedFrom"]!["example"]!.DeepClone(),
            ["estimatedThrough"] = frame["estimatedThrough"]!["example"]!.DeepClone(),
        };
        shipment["origin"] = place.DeepClone();
        shipment["destination"] = place.DeepClone();
        shipment["status"] = shipmentEvent.DeepClone();
        shipment["events"] = new JsonArray(shipmentEvent);
        return new JsonObject { ["shipments"] = new JsonArray(shipment) }.ToJsonString();
    }

    /// <summary>The example body of the spec's <c>shipmentNotFound</c> response (openapi.v1.json, components.responses, its problem+json schema).</summary>
    public static string SpecNotFoundExample() =>
        Node("dhl/openapi.v1.json")["components"]!["responses"]!["shipmentNotFound"]!["content"]!["application/problem+json"]!["schema"]!["example"]!.ToJsonString();
}

/// <summary>A scan as a test states it: every field a reader of the timeline sees, times written with their offsets.</summary>
internal sealed record Seen(
    TrackingStatus Status, TrackingSubstatus Substatus, string RawCode, string RawDescription, string At,
    EventLocation? Location = null, string? Estimate = null)
{
    public static Seen Of(CarrierScan scan) => new(
        scan.Status, scan.Substatus, scan.RawCode, scan.RawDescription, Time(scan.OccurredAt), scan.Location, Describe(scan.CarrierEstimate));

    public static Seen Of(TrackingEventObserved observed) => new(
        observed.Status, observed.Substatus, observed.RawCode, observed.RawDescription, Time(observed.OccurredAt), observed.Location,
        Describe(observed.CarrierEstimate));

    public static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Describe(DeliveryEstimate? estimate) => estimate is null
        ? null
        : $"{estimate.Date:yyyy-MM-dd} [{(estimate.WindowStart is { } start ? Time(start) : "")} .. {(estimate.WindowEnd is { } end ? Time(end) : "")}]";

    public static IReadOnlyList<Seen> All(IEnumerable<CarrierScan> scans) => scans.Select(Of).ToList();
}
