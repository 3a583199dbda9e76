using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using AuthorizeAttribute = Microsoft.AspNetCore.Authorization.AuthorizeAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Refit;
using Shipping.Contracts.Api;
using Shipping.Web.Console;

namespace Shipping.Web.Pages.Console;

/// <summary>
/// <c>/console/dashboard?tenant=&amp;from=&amp;to=</c>: a brand's figures for a period (UTC days, inclusive; the last 30 days
/// by default), as charts drawn on the server (inline SVG, no script) each with a table of the same figures.
/// </summary>
[Authorize(Policy = ConsoleAuth.AgentPolicy)]
public sealed class DashboardModel(ITimelineServiceApi timeline, ConsoleTenants tenants, TimeProvider time) : PageModel
{
    public const int MaxDays = 366;

    public IReadOnlyList<TenantChoice> Tenants { get; private set; } = [];

    public string? Tenant { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public DashboardFigures? Figures { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? tenant, string? from, string? to, CancellationToken ct)
    {
        Tenants = await tenants.ForAsync(User, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        To = Parse(to) ?? today;
        From = Parse(from) ?? To.AddDays(-29);
        Tenant = string.IsNullOrWhiteSpace(tenant) ? Tenants.FirstOrDefault()?.Id : tenant.Trim();
        if (Tenant is null)
        {
            return Page();
        }

        if (!User.CanAccessTenant(Tenant))
        {
            return NotFound();
        }

        var errors = new List<string>();
        if (from is { Length: > 0 } && Parse(from) is null)
        {
            errors.Add("from: a date such as 2026-11-01.");
        }

        if (to is { Length: > 0 } && Parse(to) is null)
        {
            errors.Add("to: a date such as 2026-11-30.");
        }

        if (From > To)
        {
            errors.Add("from must not be after to.");
        }
        else if (To.DayNumber - From.DayNumber + 1 > MaxDays)
        {
            errors.Add($"The period may span at most {MaxDays} days.");
        }

        if (errors.Count > 0)
        {
            Error = string.Join(" ", errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            Figures = await timeline.GetDashboardAsync(Tenant, From, To, ct);
        }
        catch (ApiException e)
        {
            Error = ApiProblems.Describe(e, "Timeline");
            Response.StatusCode = (int)e.StatusCode is >= 400 and < 500 ? (int)e.StatusCode : StatusCodes.Status502BadGateway;
        }
        catch (HttpRequestException)
        {
            Error = ApiProblems.Unreachable("Timeline");
            Response.StatusCode = StatusCodes.Status502BadGateway;
        }

        return Page();
    }

    private static DateOnly? Parse(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
