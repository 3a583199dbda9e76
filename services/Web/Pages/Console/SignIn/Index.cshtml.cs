using Microsoft.AspNetCore.Mvc;
using Shipping.Web.Console;
using Shipping.Web.Console.SigningIn;

namespace Shipping.Web.Pages.Console.SignIn;

/// <summary><c>/console/signin</c>: email and password, the first of two steps. Passing it leads to the code (or to enrolling one), not into the console.</summary>
public sealed class SignInModel(SignInFlow flow, PendingSignInCookie pending, SignInThrottle throttle) : SignInPageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (User.HasClaim(ConsoleAuth.MethodsClaim, "otp"))
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        pending.Clear(HttpContext);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (throttle.IsBlocked(HttpContext))
        {
            return TooMany();
        }

        var (next, agent) = await flow.CheckPasswordAsync(Email, Password, ct);
        Password = null;
        if (next == SignInFlow.Next.Refused || agent is null)
        {
            throttle.RecordFailure(HttpContext);
            Refused = true;
            return Page();
        }

        var enrolling = next == SignInFlow.Next.Enrol;
        pending.Write(HttpContext, new PendingSignIn(agent.Id, agent.SecurityStamp, enrolling ? TotpCodes.NewSecret() : null, ReturnUrl));
        return Redirect(enrolling ? ConsoleAuth.EnrolPath : ConsoleAuth.CodePath);
    }
}
