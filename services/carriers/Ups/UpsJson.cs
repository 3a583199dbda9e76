using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shipping.Carriers.Ups;

/// <summary>How UPS writes JSON: camelCase, and scalars whose type varies between documents.</summary>
public static class UpsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerOptions.Web)
    {
        Converters = { new LenientStringConverter() },
    };

    /// <summary>
    /// Reads a string field that UPS sometimes writes as a number: Track Alert's <c>activityStatus.descriptionCode</c>
    /// is the integer 17 in the spec's examples and the string "011" elsewhere. Numbers keep their JSON text.
    /// </summary>
    public sealed class LenientStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => throw new JsonException($"Expected a string or a number, found {reader.TokenType}."),
        };

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
