using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shipping.Web.Console;

namespace Shipping.Web.Pages.Console;

/// <summary><c>POST /console/signout</c> (anti-forgery checked): ends the session.</summary>
public sealed class SignOutModel(IAuditLog audit, TimeProvider time) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await audit.RecordAsync(new AuditEntry(Guid.NewGuid(), User.AgentId(), User.AgentName(), ConsoleAuth.AllTenants, AuditActions.SignedOut, null, null, time.GetUtcNow()), ct);
        await HttpContext.SignOutAsync(ConsoleAuth.Scheme);
        return Redirect(ConsoleAuth.SignInPath);
    }
}
