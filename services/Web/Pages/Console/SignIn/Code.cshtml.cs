using Microsoft.AspNetCore.Mvc;
using Shipping.Web.Console.SigningIn;

namespace Shipping.Web.Pages.Console.SignIn;

/// <summary><c>/console/signin/code</c>: the second factor of an enrolled agent. Only here does the session begin.</summary>
public sealed class CodeModel(SignInFlow flow, PendingSignInCookie pending, SignInThrottle throttle) : SignInPageModel
{
    [BindProperty] public string? Code { get; set; }

    public IActionResult OnGet() => pending.Read(HttpContext) is { EnrolSecret: null, SecondFactorPassed: false } ? Page() : StartAgain(pending);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (pending.Read(HttpContext) is not { EnrolSecret: null, SecondFactorPassed: false } step)
        {
            return StartAgain(pending);
        }

        if (throttle.IsBlocked(HttpContext))
        {
            return TooMany();
        }

        if (await flow.CheckCodeAsync(step, Code, ct) is not { } agent)
        {
            throttle.RecordFailure(HttpContext);
            Refused = true;
            return Page();
        }

        return await CompleteAsync(pending, agent, step.ReturnUrl);
    }
}
