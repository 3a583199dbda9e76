using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Shipping.ServiceDefaults;

/// <summary>What a tracking link grants: one order of one tenant, until it expires.</summary>
public sealed record TrackingLink(string Tenant, string OrderNumber, DateTimeOffset ExpiresAt);

/// <summary>
/// Signs and checks the tokens of tracking links (<c>/t/{token}</c>): <c>base64url(payload) "." base64url(HMAC-SHA256(payload))</c>,
/// the payload a small JSON object with the tenant, the order number and the expiry (Unix seconds). The key is
/// <c>Platform:TrackingLinkKey</c> (at least 32 characters, never in the repository except Development's), shared by the
/// services that create links (Notifications) and the one that honours them (Web). Signatures are compared in constant time.
/// <para>
/// The short form, for SMS where every character counts (<see cref="CreateShort"/>): <c>base64url(tenant LF order LF expiry)
/// "." base64url(the first 12 bytes of HMAC-SHA256("short" LF payload))</c>, about 45 characters instead of about 95. Its
/// 96-bit signature is as unguessable for a link that lives weeks; the "short" prefix keeps a long token's signature from
/// ever standing for a short one.
/// </para>
/// </summary>
public sealed class TrackingLinks
{
    public const string KeySetting = "Platform:TrackingLinkKey";

    private readonly byte[] _key;

    public TrackingLinks(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length < 32)
        {
            throw new InvalidOperationException($"{KeySetting} must be set to a secret of at least 32 characters.");
        }

        _key = Encoding.UTF8.GetBytes(key);
    }

    public static TrackingLinks FromConfiguration(IConfiguration configuration) => new(configuration[KeySetting] ?? "");

    public string Create(TrackingLink link)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(link.Tenant, link.OrderNumber, link.ExpiresAt.ToUnixTimeSeconds()));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Sign(payload));
    }

    public string Create(string tenant, string orderNumber, DateTimeOffset expiresAt) => Create(new TrackingLink(tenant, orderNumber, expiresAt));

    /// <summary>A token of the short form (the long one when the tenant or order number holds a line feed).</summary>
    public string CreateShort(string tenant, string orderNumber, DateTimeOffset expiresAt)
    {
        if (tenant.Contains('\n', StringComparison.Ordinal) || orderNumber.Contains('\n', StringComparison.Ordinal))
        {
            return Create(tenant, orderNumber, expiresAt);
        }

        var payload = Encoding.UTF8.GetBytes(FormattableString.Invariant($"{tenant}\n{orderNumber}\n{expiresAt.ToUnixTimeSeconds()}"));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(SignShort(payload));
    }

    /// <summary>The link a token grants, or null when it is malformed, forged or expired at <paramref name="now"/>.</summary>
    public TrackingLink? Validate(string? token, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return null;
        }

        var dot = token.IndexOf('.');
        if (dot <= 0 || dot == token.Length - 1)
        {
            return null;
        }

        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }

        var parsed = signature.Length switch
        {
            ShortSignatureLength when CryptographicOperations.FixedTimeEquals(SignShort(payload), signature) => ParseShort(payload),
            SHA256.HashSizeInBytes when CryptographicOperations.FixedTimeEquals(Sign(payload), signature) => ParseLong(payload),
            _ => null,
        };
        if (parsed is null || string.IsNullOrEmpty(parsed.T) || string.IsNullOrEmpty(parsed.O) || parsed.E is < 0 or > MaxUnixSeconds)
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(parsed.E);
        return expires <= now ? null : new TrackingLink(parsed.T, parsed.O, expires);
    }

    private const int ShortSignatureLength = 12;
    private const long MaxUnixSeconds = 253402300799; // 9999-12-31T23:59:59Z

    private static Payload? ParseLong(byte[] payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Payload>(payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Payload? ParseShort(byte[] payload)
    {
        var parts = Encoding.UTF8.GetString(payload).Split('\n');
        return parts.Length == 3 && long.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var expires)
            ? new Payload(parts[0], parts[1], expires)
            : null;
    }

    private byte[] SignShort(byte[] payload) => HMACSHA256.HashData(_key, (byte[])[.. "short\n"u8, .. payload])[..ShortSignatureLength];

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(_key, payload);

    private sealed record Payload(string T, string O, long E);
}
