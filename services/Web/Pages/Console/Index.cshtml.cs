using Microsoft.AspNetCore.Authorization;
using AuthorizeAttribute = Microsoft.AspNetCore.Authorization.AuthorizeAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Refit;
using Shipping.Contracts.Api;
using Shipping.Web.Console;

namespace Shipping.Web.Pages.Console;

/// <summary>
/// <c>/console</c>: the agent's search, by order number, tracking number, email or phone in any usual form, within one brand
/// they work for. The search posts (an email or phone never lands in a URL or an access log) and the results, which show
/// the customers' contact masked, are a view of personal data: audited.
/// </summary>
[Authorize(Policy = ConsoleAuth.AgentPolicy)]
public sealed class IndexModel(ITimelineServiceApi timeline, ConsoleTenants tenants, IAuditLog audit, TimeProvider time) : PageModel
{
    public const int MaxQueryLength = 254;

    [BindProperty]
    public string? Query { get; set; }

    [BindProperty]
    public string? Tenant { get; set; }

    public IReadOnlyList<TenantChoice> Tenants { get; private set; } = [];

    public OrderSearchResult? Result { get; private set; }

    /// <summary>The brand the results belong to.</summary>
    public string? SearchedTenant { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? tenant, CancellationToken ct)
    {
        Tenants = await tenants.ForAsync(User, ct);
        Tenant = tenant is not null && User.CanAccessTenant(tenant) ? tenant : Tenants.FirstOrDefault()?.Id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Tenants = await tenants.ForAsync(User, ct);
        var tenant = Tenant?.Trim();
        if (string.IsNullOrEmpty(tenant) || !User.CanAccessTenant(tenant))
        {
            ModelState.AddModelError(nameof(Tenant), "Choose a brand you work for.");
        }

        var query = Query?.Trim();
        if (string.IsNullOrEmpty(query) || query.Length > MaxQueryLength)
        {
            ModelState.AddModelError(nameof(Query), $"Enter an order number, tracking number, email or phone (at most {MaxQueryLength} characters).");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            Result = await timeline.SearchAsync(tenant!, new OrderSearchRequest(query!), ct);
            SearchedTenant = tenant;
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

        await audit.RecordAsync(User, time, tenant!, ConsoleActions.Searched, null,
            Result is null ? "search failed" : $"{Result.Orders.Count} order(s) found", ct);
        return Page();
    }
}
