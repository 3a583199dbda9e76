using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Shipping.Carriers.Ups.Webhooks;

/// <summary>
/// Track Alert does not sign its calls: it presents the credential configured for the subscription. Track Alert v1
/// sends it in the <c>credential</c> header (its subscription's <c>destination{url, credentialType, credential}</c>);
/// v2 moved the credential to UPS's webhook-credential settings and declares OAuth-style bearer authentication for
/// the webhook, so the same credential arrives as <c>Authorization: Bearer …</c>. Either is checked, in constant time,
/// against <c>Carriers:Ups:WebhookCredential</c>.
/// </summary>
public static class TrackAlertCredential
{
    public const string CredentialHeader = "credential";

    public const string Hint =
        "Present the Track Alert subscription's credential in the 'credential' header, or as 'Authorization: Bearer <credential>'.";

    /// <summary>True when the request carries <paramref name="configured"/>; a missing configuration accepts nothing.</summary>
    public static bool Verify(HttpRequest request, string? configured)
    {
        if (string.IsNullOrEmpty(configured))
        {
            return false;
        }

        var presented = request.Headers[CredentialHeader].ToString();
        if (presented.Length == 0
            && AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var authorization)
            && string.Equals(authorization.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            presented = authorization.Parameter ?? "";
        }

        return presented.Length > 0 && SameSecret(presented, configured);
    }

    /// <summary>Compares digests, so neither the content nor the length of the secret shows in the timing.</summary>
    private static bool SameSecret(string presented, string configured) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
}
