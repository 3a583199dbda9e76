using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Shipping.Carriers.Usps.Webhooks;

namespace Shipping.Carriers.Usps.Tracking;

/// <summary>How USPS writes JSON: camelCase, with a few upper-case names (<c>GMTOffset</c>) mapped on the records.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UspsTrackingRequest[]))]
[JsonSerializable(typeof(IReadOnlyList<UspsTrackingDetail>))]
[JsonSerializable(typeof(List<UspsTrackingDetail>))]
[JsonSerializable(typeof(UspsTrackingDetail))]
[JsonSerializable(typeof(UspsNotification))]
[JsonSerializable(typeof(string))]
public sealed partial class UspsJsonContext : JsonSerializerContext;

public static class UspsJson
{
    public static JsonSerializerOptions Options => UspsJsonContext.Default.Options;

    /// <summary>
    /// Reads a notification's payload, a tracking detail written as a JSON string. USPS's own examples show that
    /// string with its quotes still escaped (<c>{\"trackingNumber\":...}</c>), so that form is accepted too.
    /// </summary>
    public static bool TryReadPayload(string payload, [NotNullWhen(true)] out UspsTrackingDetail? detail, out string error)
    {
        var text = payload.Trim();
        try
        {
            detail = JsonSerializer.Deserialize(text, UspsJsonContext.Default.UspsTrackingDetail);
        }
        catch (JsonException first) when (text.StartsWith("{\\\"", StringComparison.Ordinal))
        {
            try
            {
                var unescaped = JsonSerializer.Deserialize($"\"{text}\"", UspsJsonContext.Default.String) ?? "";
                detail = JsonSerializer.Deserialize(unescaped, UspsJsonContext.Default.UspsTrackingDetail);
            }
            catch (JsonException)
            {
                detail = null;
                error = $"The payload is not a JSON tracking detail: {first.Message}";
                return false;
            }
        }
        catch (JsonException e)
        {
            detail = null;
            error = $"The payload is not a JSON tracking detail: {e.Message}";
            return false;
        }

        error = detail is null ? "The payload is empty." : "";
        return detail is not null;
    }
}
