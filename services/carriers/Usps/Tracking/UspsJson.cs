using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Shipping.Carriers.Usps.Tracking;

/// <summary>How USPS writes JSON: camelCase, with a few upper-case names (<c>GMTOffset</c>) mapped on the records.</summary>
public static class UspsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Reads a notification's payload, a tracking detail written as a JSON string. USPS's own examples show that
    /// string with its quotes still escaped (<c>{\"trackingNumber\":...}</c>), so that form is accepted too.
    /// </summary>
    public static bool TryReadPayload(string payload, [NotNullWhen(true)] out UspsTrackingDetail? detail, out string error)
    {
        var text = payload.Trim();
        try
        {
            detail = JsonSerializer.Deserialize<UspsTrackingDetail>(text, Options);
        }
        catch (JsonException first) when (text.StartsWith("{\\\"", StringComparison.Ordinal))
        {
            try
            {
                var unescaped = JsonSerializer.Deserialize<string>($"\"{text}\"", Options) ?? "";
                detail = JsonSerializer.Deserialize<UspsTrackingDetail>(unescaped, Options);
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
