using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Shipping.Notifications.Email;

/// <summary>
/// Signed tokens that name an alert, for the Reply-To address and the unsubscribe link: the alert's id and an
/// HMAC-SHA256 tag (purpose-bound, truncated to 12 bytes), base64url. A forged or altered token names nothing.
/// </summary>
public sealed class AlertTokens(IOptions<EmailOptions> options)
{
    public const string Reply = "reply";
    public const string Unsubscribe = "unsubscribe";

    public string Create(Guid alertId, string purpose)
    {
        var id = alertId.ToByteArray();
        return Base64Url.EncodeToString([.. id, .. Tag(id, purpose)]);
    }

    public Guid? Read(string? token, string purpose)
    {
        if (!CanSign || string.IsNullOrEmpty(token) || token.Length > 64 || !Base64Url.IsValid(token))
        {
            return null;
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length != 28)
        {
            return null;
        }

        var id = bytes[..16];
        return CryptographicOperations.FixedTimeEquals(Tag(id, purpose), bytes[16..]) ? new Guid(id) : null;
    }

    /// <summary>The alert a reply address (<c>reply+{token}@domain</c>, possibly with a display name) names.</summary>
    public Guid? ReadReplyAddress(string? addresses)
    {
        foreach (var part in (addresses ?? "").Split(',', ';'))
        {
            var address = part.Trim();
            var lt = address.IndexOf('<');
            if (lt >= 0)
            {
                address = address[(lt + 1)..].TrimEnd('>', ' ');
            }

            var plus = address.IndexOf('+');
            var at = address.IndexOf('@');
            if (plus > 0 && at > plus && address[..plus].Equals(Reply, StringComparison.OrdinalIgnoreCase)
                && Read(address[(plus + 1)..at], Reply) is { } id)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>Whether tokens can be made: <c>Email:TokenKey</c> is set.</summary>
    public bool CanSign => !string.IsNullOrEmpty(options.Value.TokenKey);

    public string ReplyAddress(Guid alertId) => $"{Reply}+{Create(alertId, Reply)}@{options.Value.ReplyDomain}";

    private byte[] Tag(byte[] id, string purpose)
    {
        var key = options.Value.TokenKey is { Length: > 0 } configured
            ? Encoding.UTF8.GetBytes(configured)
            : throw new InvalidOperationException("Email:TokenKey is not configured: reply addresses and unsubscribe links cannot be signed.");
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash([.. Encoding.UTF8.GetBytes(purpose + ":"), .. id])[..12];
    }
}
