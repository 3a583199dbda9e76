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

        if (!CryptographicOperations.FixedTimeEquals(Sign(payload), signature))
        {
            return null;
        }

        Payload? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<Payload>(payload);
        }
        catch (JsonException)
        {
            return null;
        }

        if (parsed is null || string.IsNullOrEmpty(parsed.T) || string.IsNullOrEmpty(parsed.O))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(parsed.E);
        return expires <= now ? null : new TrackingLink(parsed.T, parsed.O, expires);
    }

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(_key, payload);

    private sealed record Payload(string T, string O, long E);
}
