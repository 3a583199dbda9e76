using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shipping.Carriers.Dhl.Tracking;

// DHL's response, as far as the adapter reads it. Every field may be missing: DHL's services fill different parts
// (parcel-nl sends no locations, parcel-de no offsets, express a numeric id). Unread parts (details, references,
// dgf:routes) are left out on purpose: their shapes differ between services.

/// <summary>How DHL writes JSON: camelCase names. The response's metadata is source-generated (it is read on every poll).</summary>
public static class DhlJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolverChain = { DhlJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() },
    };
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DhlShipmentsResponse))]
internal sealed partial class DhlJsonContext : JsonSerializerContext;

/// <summary>The body of <c>GET /track/shipments</c>.</summary>
public sealed record DhlShipmentsResponse(IReadOnlyList<DhlShipment>? Shipments);

public sealed record DhlShipment(
    [property: JsonConverter(typeof(LenientStringConverter))] string? Id,
    string? Service,
    DhlPlace? Origin,
    DhlPlace? Destination,
    DhlEvent? Status,
    [property: JsonConverter(typeof(LenientStringConverter))] string? EstimatedTimeOfDelivery,
    DhlTimeFrame? EstimatedDeliveryTimeFrame,
    [property: JsonConverter(typeof(LenientStringConverter))] string? ServiceUrl,
    [property: JsonConverter(typeof(LenientStringConverter))] string? RerouteUrl,
    IReadOnlyList<DhlEvent?>? Events);

/// <summary>One shipment event; the shipment's current <c>status</c> has the same shape.</summary>
/// <param name="StatusCode">pre-transit | transit | delivered | failure | unknown.</param>
/// <param name="Status">A carrier code (<c>DELIVERED</c>, <c>NOT_HOME</c>) or, for some services, free text.</param>
public sealed record DhlEvent(
    string? Timestamp,
    DhlPlace? Location,
    string? StatusCode,
    string? Status,
    string? Description,
    string? Remark,
    string? NextSteps);

public sealed record DhlPlace(DhlAddress? Address);

public sealed record DhlAddress(string? CountryCode, string? PostalCode, string? AddressLocality, string? StreetAddress);

public sealed record DhlTimeFrame(
    [property: JsonConverter(typeof(LenientStringConverter))] string? EstimatedFrom,
    [property: JsonConverter(typeof(LenientStringConverter))] string? EstimatedThrough);

/// <summary>
/// Reads a string, or a number as its text (DHL's own example sends the shipment id 7777777770 as a number although
/// the schema says string); anything else reads as null instead of failing the whole response.
/// </summary>
internal sealed class LenientStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
