using System.Text.Json;

namespace Shipping.Carriers.Fedex.Tracking;

public static class FedexJson
{
    /// <summary>FedEx writes camelCase; web defaults also read the numbers it sometimes sends as strings.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
