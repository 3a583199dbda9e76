using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shipping.Web.Console;
using Shipping.Web.Console.Agents;
using Shipping.Web.Console.SigningIn;

namespace Shipping.Web.Pages.Console.SignIn;

/// <summary>What the sign-in steps share: the one refusal message, where to go afterwards, issuing the session.</summary>
public abstract class SignInPageModel : PageModel
{
    /// <summary>The only answer to a refused step, whatever the reason (unknown email, wrong password or code, locked, disabled).</summary>
    public const string RefusedMessage = "Sign-in failed. Check what you entered and try again; after repeated failures the account is locked for a while.";

    public bool Refused { get; protected set; }

    /// <summary>A console address to return to; anything else leads to <c>/console</c>.</summary>
    protected static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url.StartsWith("/console", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) &&
        !url.Contains('\\', StringComparison.Ordinal) && !url.StartsWith(ConsoleAuth.SignInPath, StringComparison.Ordinal) && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : "/console";

    /// <summary>
    /// Password and second factor passed: the session cookie, and off to where the agent was going; first a password of
    /// its own when it still has a temporary one.
    /// </summary>
    protected async Task<IActionResult> CompleteAsync(PendingSignInCookie pending, Agent agent, string? returnUrl)
    {
        if (agent.MustChangePassword)
        {
            pending.Write(HttpContext, new PendingSignIn(agent.Id, agent.SecurityStamp, null, returnUrl, SecondFactorPassed: true));
            return Redirect(ConsoleAuth.NewPasswordPath);
        }

        pending.Clear(HttpContext);
        await HttpContext.SignInAsync(ConsoleAuth.Scheme, SignInFlow.Principal(agent), new AuthenticationProperties { IsPersistent = false });
        return LocalRedirect(SafeReturnUrl(returnUrl));
    }

    /// <summary>This client address had too many refusals lately (<see cref="SignInThrottle"/>).</summary>
    protected IActionResult TooMany() => StatusCode(StatusCodes.Status429TooManyRequests);

    protected IActionResult StartAgain(PendingSignInCookie pending)
    {
        pending.Clear(HttpContext);
        return Redirect(ConsoleAuth.SignInPath);
    }
}
