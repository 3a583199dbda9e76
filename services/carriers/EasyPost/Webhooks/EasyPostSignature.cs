using System.Text;
using Shipping.Carriers.Webhooks;

namespace Shipping.Carriers.EasyPost.Webhooks;

/// <summary>
/// EasyPost's <c>X-Hmac-Signature</c>: <c>hmac-sha256-hex=</c> and the hex HMAC-SHA256 of the raw body, keyed with
/// the webhook secret in Unicode normalisation form KD, as EasyPost's client libraries compute it (their published
/// vector, secret "sécret", only verifies with the NFKD key).
/// </summary>
public static class EasyPostSignature
{
    public const string Header = "X-Hmac-Signature";

    public const string Prefix = "hmac-sha256-hex=";

    public static bool Verify(string? secret, ReadOnlySpan<byte> body, string? header) =>
        WebhookSignature.VerifyHexSha256(secret?.Normalize(NormalizationForm.FormKD), body, header, Prefix);

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        WebhookSignature.SignHexSha256(secret.Normalize(NormalizationForm.FormKD), body, Prefix);
}
