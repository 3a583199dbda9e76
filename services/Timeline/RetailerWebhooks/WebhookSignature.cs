using System.Security.Cryptography;
using System.Text;

namespace Shipping.Timeline.RetailerWebhooks;

/// <summary>
/// <c>X-Shipping-Signature: sha256=&lt;hex&gt;</c>, the lower-case hex HMAC-SHA256, keyed with the tenant's secret (its
/// UTF-8 bytes), of the UTF-8 bytes of <c>"{X-Shipping-Timestamp}.{body}"</c>. The timestamp is in the signed text so
/// a captured request cannot be replayed later: receivers recompute, compare in constant time, and reject timestamps
/// older than a few minutes.
/// </summary>
public static class WebhookSignature
{
    public const string EventIdHeader = "X-Shipping-Event-Id";
    public const string TimestampHeader = "X-Shipping-Timestamp";
    public const string SignatureHeader = "X-Shipping-Signature";

    public static string Sign(string secret, long unixSeconds, string body)
    {
        var text = Encoding.UTF8.GetBytes($"{unixSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{body}");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), text);
        return "sha256=" + Convert.ToHexStringLower(mac);
    }
}
