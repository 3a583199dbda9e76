using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Shipping.Web.Console;
using Shipping.Web.Console.Agents;
using Shipping.Web.Console.SigningIn;

namespace Shipping.Web.Pages.Console.SignIn;

/// <summary>
/// <c>/console/signin/enrol</c>: after the password, an agent without a second factor (new, or reset by an admin) gets a
/// fresh TOTP secret as a QR code and as text, and confirms it with a code; then the session begins.
/// </summary>
public sealed class EnrolModel(SignInFlow flow, PendingSignInCookie pending, AgentDirectory agents, SignInThrottle throttle, IOptions<ConsoleOptions> options) : SignInPageModel
{
    [BindProperty] public string? Code { get; set; }

    public string QrCode { get; private set; } = "";

    public string GroupedSecret { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (pending.Read(HttpContext) is not { EnrolSecret: not null, SecondFactorPassed: false } step)
        {
            return StartAgain(pending);
        }

        return await ShowAsync(step, ct) ? Page() : StartAgain(pending);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (pending.Read(HttpContext) is not { EnrolSecret: not null, SecondFactorPassed: false } step)
        {
            return StartAgain(pending);
        }

        if (throttle.IsBlocked(HttpContext))
        {
            return TooMany();
        }

        if (await flow.EnrolAsync(step, Code, ct) is { } agent)
        {
            return await CompleteAsync(pending, agent, step.ReturnUrl);
        }

        throttle.RecordFailure(HttpContext);
        Refused = true;
        return await ShowAsync(step, ct) ? Page() : StartAgain(pending);
    }

    private async Task<bool> ShowAsync(PendingSignIn step, CancellationToken ct)
    {
        if (await agents.LoadAsync(step.AgentId, ct) is not { HasSecondFactor: false } agent)
        {
            return false;
        }

        QrCode = TotpCodes.QrCodeDataUri(TotpCodes.EnrolmentUri(options.Value.Issuer, agent.Email, step.EnrolSecret!));
        GroupedSecret = TotpCodes.Grouped(step.EnrolSecret!);
        return true;
    }
}
