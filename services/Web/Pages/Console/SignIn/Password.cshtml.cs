using Microsoft.AspNetCore.Mvc;
using Shipping.Web.Console.SigningIn;

namespace Shipping.Web.Pages.Console.SignIn;

/// <summary>
/// <c>/console/signin/password</c>: after password and second factor, an agent still on the temporary password an admin
/// handed over chooses its own; only then does the session begin.
/// </summary>
public sealed class NewPasswordModel(SignInFlow flow, PendingSignInCookie pending) : SignInPageModel
{
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? RepeatPassword { get; set; }

    public string? Problem { get; private set; }

    public IActionResult OnGet() => pending.Read(HttpContext) is { SecondFactorPassed: true } ? Page() : StartAgain(pending);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (pending.Read(HttpContext) is not { SecondFactorPassed: true } step)
        {
            return StartAgain(pending);
        }

        if (!string.Equals(NewPassword, RepeatPassword, StringComparison.Ordinal))
        {
            Problem = "The two passwords differ.";
        }
        else
        {
            var (agent, problem) = await flow.ReplaceTemporaryPasswordAsync(step, NewPassword, ct);
            if (agent is not null)
            {
                return await CompleteAsync(pending, agent, step.ReturnUrl);
            }

            if (string.IsNullOrEmpty(problem))
            {
                return StartAgain(pending);
            }

            Problem = problem;
        }

        (NewPassword, RepeatPassword) = (null, null);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
