using System.Text.Json;

namespace Shipping.Carriers.Fedex.Tracking;

public static class FedexJson
{
    /// <summary>
    /// FedEx writes camelCase; web defaults also read the numbers it sometimes sends as strings. The response's
    /// metadata is source-generated (it is read on every poll); anything else falls back to reflection.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolverChain = { FedexJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() },
    };
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(FedexTrackResponse))]
internal sealed partial class FedexJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
