using Microsoft.AspNetCore.Mvc;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Web.Console;
using Shipping.Web.Console.Agents;

namespace Shipping.Web.Pages.Console.Admin;

/// <summary>
/// <c>/console/admin/agents</c> (admins): every agent, and a new one with a role, the brands it works for and a temporary
/// password that is shown once. The new agent enrols a second factor at the first sign-in.
/// </summary>
public sealed class AgentsModel(AgentDirectory agents, ITimelineServiceApi timeline, IAuditLog audit, TimeProvider time) : AdminPageModel(audit, time)
{
    private readonly TimeProvider _time = time;

    public IReadOnlyList<Agent> Agents { get; private set; } = [];

    /// <summary>The tenants that have a brand, offered as check boxes.</summary>
    public IReadOnlyList<TenantBrand> Brands { get; private set; } = [];

    public DateTimeOffset Now => _time.GetUtcNow();

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string Role { get; set; } = ConsoleAuth.RoleAgent;
    [BindProperty] public List<string> Tenants { get; set; } = [];
    [BindProperty] public string? OtherTenants { get; set; }

    /// <summary>The agent just created, and its temporary password (shown this once).</summary>
    public Agent? Created { get; private set; }

    public string? TemporaryPassword { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = Email?.Trim() ?? "";
        if (email.Length is 0 or > 200 || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            Errors[nameof(Email)] = "An email address is required.";
        }

        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            Errors[nameof(Name)] = "A name of at most 100 characters is required.";
        }

        if (Role is not (ConsoleAuth.RoleAgent or ConsoleAuth.RoleAdmin))
        {
            Errors[nameof(Role)] = "Agent or admin.";
        }

        var tenants = ParseTenants(Tenants, OtherTenants, nameof(Tenants));
        if (Role == ConsoleAuth.RoleAgent && tenants.Count == 0 && !Errors.ContainsKey(nameof(Tenants)))
        {
            Errors[nameof(Tenants)] = "An agent works for at least one brand.";
        }

        if (Errors.Count == 0)
        {
            var password = NewTemporaryPassword();
            Created = await agents.CreateAsync(Guid.NewGuid(), email, name, password, Role, tenants, ct, temporaryPassword: true);
            if (Created is null)
            {
                Errors[nameof(Email)] = "An agent with this email exists already.";
            }
            else
            {
                TemporaryPassword = password;
                Done = $"{Created.Name} can sign in now.";
                await RecordAsync(AuditActions.AgentCreated, $"agent {Created.Id}: role {Created.Role}, tenants {Describe(Created)}", ct);
                (Email, Name, Role, Tenants, OtherTenants) = (null, null, ConsoleAuth.RoleAgent, [], null);
            }
        }

        await LoadAsync(ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public static string Describe(Agent agent) => agent.IsAdmin ? "all" : string.Join(", ", agent.Tenants);

    public static string Status(Agent agent, DateTimeOffset now) =>
        agent.Disabled ? "disabled" : agent.IsLockedOut(now) ? "locked" : !agent.HasSecondFactor ? "not enrolled" : "active";

    private async Task LoadAsync(CancellationToken ct)
    {
        Agents = await agents.ListAsync(ct);
        Brands = await BrandList.ReadAsync(timeline, ct);
    }
}

/// <summary>The brands Timeline knows, for the admin pages; none when Timeline does not answer (the pages still work).</summary>
public static class BrandList
{
    public static async Task<IReadOnlyList<TenantBrand>> ReadAsync(ITimelineServiceApi timeline, CancellationToken ct)
    {
        try
        {
            return (await timeline.ListBrandsAsync(ct)).OrderBy(b => b.TenantId, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is Refit.ApiException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return [];
        }
    }

    public static string NameOf(IReadOnlyList<TenantBrand> brands, string tenant) =>
        brands.FirstOrDefault(b => b.TenantId == tenant)?.Brand.Name is { } name ? $"{name} ({tenant})" : tenant;
}
