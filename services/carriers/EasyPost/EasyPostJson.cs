using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shipping.Carriers.EasyPost;

/// <summary>EasyPost writes snake_case JSON, and leaves out or nulls what it does not know.</summary>
public static class EasyPostJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
