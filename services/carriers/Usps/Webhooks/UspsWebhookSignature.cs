using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shipping.Carriers.Webhooks;

namespace Shipping.Carriers.Usps.Webhooks;

/// <summary>
/// USPS signs a notification with <c>X-HMAC</c>: base64 of HMAC-SHA256, keyed with the subscription's secret, over the
/// <c>timestamp</c> field's value followed by the <c>payload</c> field's value (the decoded strings, not the raw body).
/// </summary>
public static class UspsWebhookSignature
{
    public const string Header = "X-HMAC";

    /// <summary>The header's earlier name, deprecated but still documented.</summary>
    public const string DeprecatedHeader = "hmac-header";

    /// <summary>The header value USPS sends for <paramref name="timestamp"/> and <paramref name="payload"/>.</summary>
    public static string Sign(string secret, string timestamp, string payload) =>
        Convert.ToBase64String(WebhookSignature.HmacSha256(secret, Encoding.UTF8.GetBytes(timestamp + payload)));

    /// <summary>
    /// True only when a secret is configured, the body is a notification with string <c>timestamp</c> and
    /// <c>payload</c>, and <paramref name="header"/> is their signature. A body that cannot be read cannot be authenticated.
    /// </summary>
    public static bool Verify(string? secret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrWhiteSpace(header) || !TryReadSignedFields(body, out var timestamp, out var payload))
        {
            return false;
        }

        var given = new byte[32];
        if (!Convert.TryFromBase64String(header.Trim(), given, out var written) || written != given.Length)
        {
            return false;
        }

        var expected = WebhookSignature.HmacSha256(secret, Encoding.UTF8.GetBytes(timestamp + payload));
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static bool TryReadSignedFields(ReadOnlySpan<byte> body, out string timestamp, out string payload)
    {
        timestamp = payload = "";
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("timestamp", out var t) || t.ValueKind != JsonValueKind.String
                || !document.RootElement.TryGetProperty("payload", out var p) || p.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            timestamp = t.GetString()!;
            payload = p.GetString()!;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
