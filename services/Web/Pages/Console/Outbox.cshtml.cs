using Microsoft.AspNetCore.Authorization;
using AuthorizeAttribute = Microsoft.AspNetCore.Authorization.AuthorizeAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Refit;
using Shipping.Contracts.Api;
using Shipping.Web.Console;

namespace Shipping.Web.Pages.Console;

/// <summary>
/// <c>/console/outbox?tenant=</c>: the messages Notifications kept instead of sending them, because Twilio or SMTP is not
/// configured (development and demos), newest first. Recipients and texts are personal data: the view is audited.
/// </summary>
[Authorize(Policy = ConsoleAuth.AgentPolicy)]
public sealed class OutboxModel(ConsoleNotifications notifications, ConsoleTenants tenants, IAuditLog audit, TimeProvider time) : PageModel
{
    public IReadOnlyList<TenantChoice> Tenants { get; private set; } = [];

    public string? Tenant { get; private set; }

    public IReadOnlyList<OutboxEntry>? Messages { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? tenant, CancellationToken ct)
    {
        Tenants = await tenants.ForAsync(User, ct);
        Tenant = string.IsNullOrWhiteSpace(tenant) ? Tenants.FirstOrDefault()?.Id : tenant.Trim();
        if (Tenant is null)
        {
            return Page();
        }

        if (!User.CanAccessTenant(Tenant))
        {
            return NotFound();
        }

        try
        {
            Messages = await notifications.OutboxAsync(Tenant, ct);
        }
        catch (ApiException e)
        {
            Error = ApiProblems.Describe(e, "Notifications");
            Response.StatusCode = (int)e.StatusCode is >= 400 and < 500 ? (int)e.StatusCode : StatusCodes.Status502BadGateway;
        }
        catch (HttpRequestException)
        {
            Error = ApiProblems.Unreachable("Notifications");
            Response.StatusCode = StatusCodes.Status502BadGateway;
        }

        await audit.RecordAsync(User, time, Tenant, ConsoleActions.OutboxViewed, null,
            Messages is null ? "failed" : $"{Messages.Count} message(s)", ct);
        return Page();
    }
}
