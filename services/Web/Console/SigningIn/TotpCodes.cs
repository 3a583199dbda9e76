using OtpNet;
using QRCoder;

namespace Shipping.Web.Console.SigningIn;

/// <summary>The second factor: RFC 6238 TOTP (SHA-1, 6 digits, 30 s steps, as every authenticator app does), one step of clock drift either way.</summary>
public static class TotpCodes
{
    public const int Digits = 6;
    public const int StepSeconds = 30;

    /// <summary>A fresh 160-bit secret, base32 (as authenticator apps take it typed in).</summary>
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    /// <summary>The time step <paramref name="code"/> belongs to, if it is valid at <paramref name="now"/> (±1 step); null otherwise.</summary>
    public static long? Verify(string secret, string? code, DateTimeOffset now)
    {
        var digits = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length != Digits || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret), StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now.UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    /// <summary>The code of <paramref name="at"/> (tests, and nothing else, compute codes).</summary>
    public static string Compute(string secret, DateTimeOffset at) =>
        new Totp(Base32Encoding.ToBytes(secret), StepSeconds, OtpHashMode.Sha1, Digits).ComputeTotp(at.UtcDateTime);

    /// <summary>The <c>otpauth://</c> URI an authenticator app reads from the QR code.</summary>
    public static string EnrolmentUri(string issuer, string account, string secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={secret}&issuer={Uri.EscapeDataString(issuer)}" +
        $"&algorithm=SHA1&digits={Digits}&period={StepSeconds}";

    /// <summary>The QR code of <paramref name="uri"/> as a PNG <c>data:</c> URI (the CSP allows <c>img-src data:</c>; nothing is fetched).</summary>
    public static string QrCodeDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>The secret in groups of four, easier to type.</summary>
    public static string Grouped(string secret) => string.Join(' ', secret.Chunk(4).Select(c => new string(c)));
}
