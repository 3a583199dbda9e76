using System.Security.Cryptography;
using System.Text;

namespace Shipping.Carriers.Webhooks;

/// <summary>HMAC signatures of webhook bodies, compared in constant time.</summary>
public static class WebhookSignature
{
    public static byte[] HmacSha256(string secret, ReadOnlySpan<byte> body) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);

    /// <summary>
    /// True when <paramref name="header"/> is <c>{prefix}{lower- or upper-case hex of HMAC-SHA256(body)}</c>.
    /// A missing secret verifies nothing: an adapter without its secret refuses every webhook.
    /// </summary>
    public static bool VerifyHexSha256(string? secret, ReadOnlySpan<byte> body, string? header, string prefix = "sha256=")
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(header)
            || !header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(prefix.Length).Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HmacSha256(secret, body), given);
    }

    /// <summary>The header value a sender puts on <paramref name="body"/>: <c>sha256=&lt;lower-case hex&gt;</c>.</summary>
    public static string SignHexSha256(string secret, ReadOnlySpan<byte> body, string prefix = "sha256=") =>
        prefix + Convert.ToHexStringLower(HmacSha256(secret, body));
}
