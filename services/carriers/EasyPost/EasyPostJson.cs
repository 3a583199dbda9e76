using System.Text.Json;
using System.Text.Json.Serialization;
using Shipping.Carriers.EasyPost.Tracking;
using Shipping.Carriers.EasyPost.Webhooks;

namespace Shipping.Carriers.EasyPost;

/// <summary>EasyPost writes snake_case JSON, and leaves out or nulls what it does not know.</summary>
public static class EasyPostJson
{
    public static JsonSerializerOptions Options => EasyPostJsonContext.Default.Options;
}

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Tracker))]
[JsonSerializable(typeof(CreateTracker))]
[JsonSerializable(typeof(EasyPostEvent))]
public sealed partial class EasyPostJsonContext : JsonSerializerContext;
