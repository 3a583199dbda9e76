using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Shipping.Web.Console.SigningIn;

/// <summary>
/// Between the password and the second factor: who passed the password (and, while enrolling, the secret being enrolled),
/// in a cookie of its own that Data Protection encrypts and that expires after <see cref="ConsoleOptions.SecondFactorLifetime"/>.
/// It is no principal: nothing but the second-factor pages reads it.
/// </summary>
/// <param name="Stamp">The agent's security stamp at the password: a reset or disabling in between voids the step.</param>
/// <param name="EnrolSecret">The TOTP secret shown for enrolment; null when the agent enters a code of an enrolled secret.</param>
/// <param name="SecondFactorPassed">Password and second factor passed; only the temporary password is still to be replaced.</param>
public sealed record PendingSignIn(Guid AgentId, Guid Stamp, string? EnrolSecret, string? ReturnUrl, bool SecondFactorPassed = false);

public sealed class PendingSignInCookie(IDataProtectionProvider protection, IOptions<ConsoleOptions> options, IOptions<WebOptions> web)
{
    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Shipping.Web.Console.PendingSignIn").ToTimeLimitedDataProtector();

    public void Write(HttpContext http, PendingSignIn pending)
    {
        var lifetime = options.Value.SecondFactorLifetime;
        http.Response.Cookies.Append(ConsoleAuth.PendingCookieName, _protector.Protect(JsonSerializer.Serialize(pending), lifetime), new CookieOptions
        {
            Path = ConsoleAuth.SignInPath,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = web.Value.RequireHttps || http.Request.IsHttps,
            MaxAge = lifetime,
            IsEssential = true,
        });
    }

    /// <summary>The pending step, or null when there is none, it expired or it was tampered with.</summary>
    public PendingSignIn? Read(HttpContext http)
    {
        if (http.Request.Cookies[ConsoleAuth.PendingCookieName] is not { Length: > 0 } value)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PendingSignIn>(_protector.Unprotect(value));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    public void Clear(HttpContext http) => http.Response.Cookies.Delete(ConsoleAuth.PendingCookieName, new CookieOptions
    {
        Path = ConsoleAuth.SignInPath,
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = web.Value.RequireHttps || http.Request.IsHttps,
    });
}
