using Microsoft.AspNetCore.Mvc;
using Shipping.Contracts.Api;
using Shipping.Web.Console;
using Shipping.Web.Console.Agents;

namespace Shipping.Web.Pages.Console.Admin;

/// <summary>
/// <c>/console/admin/agents/{id}</c> (admins): one agent's role and brands, and what an admin does for it: disable or
/// enable, unlock, reset the second factor (enrolled again at the next sign-in), a new temporary password. Everything
/// but unlocking ends the agent's sessions. Admins cannot disable or demote themselves.
/// </summary>
public sealed class AgentModel(AgentDirectory agents, ITimelineServiceApi timeline, IAuditLog audit, TimeProvider time) : AdminPageModel(audit, time)
{
    private readonly TimeProvider _time = time;

    public Agent Agent { get; private set; } = null!;

    public IReadOnlyList<TenantBrand> Brands { get; private set; } = [];

    public DateTimeOffset Now => _time.GetUtcNow();

    public string? TemporaryPassword { get; private set; }

    [BindProperty] public string Role { get; set; } = ConsoleAuth.RoleAgent;
    [BindProperty] public List<string> Tenants { get; set; } = [];
    [BindProperty] public string? OtherTenants { get; set; }

    public bool IsSelf => Agent.Id.ToString() == User.AgentId();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken ct)
    {
        if (Role is not (ConsoleAuth.RoleAgent or ConsoleAuth.RoleAdmin))
        {
            Errors[nameof(Role)] = "Agent or admin.";
        }

        var tenants = ParseTenants(Tenants, OtherTenants, nameof(Tenants));
        if (Role == ConsoleAuth.RoleAgent && tenants.Count == 0 && !Errors.ContainsKey(nameof(Tenants)))
        {
            Errors[nameof(Tenants)] = "An agent works for at least one brand.";
        }

        if (Role != ConsoleAuth.RoleAdmin && id.ToString() == User.AgentId())
        {
            Errors[nameof(Role)] = "You cannot take the admin role from yourself.";
        }

        if (Errors.Count > 0)
        {
            return await ShowAsync(id, ct, StatusCodes.Status400BadRequest);
        }

        return await ChangeAsync(id, a =>
        {
            a.Role = Role;
            a.Tenants = Role == ConsoleAuth.RoleAdmin ? [] : tenants;
            a.SecurityStamp = Guid.NewGuid();
            return true;
        }, AuditActions.AgentChanged, a => $"agent {a.Id}: role {a.Role}, tenants {AgentsModel.Describe(a)}", "Role and brands saved.", ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct)
    {
        if (id.ToString() == User.AgentId())
        {
            Errors["Disable"] = "You cannot disable yourself.";
            return await ShowAsync(id, ct, StatusCodes.Status400BadRequest);
        }

        return await ChangeAsync(id, a =>
        {
            a.Disabled = true;
            a.SecurityStamp = Guid.NewGuid();
            return true;
        }, AuditActions.AgentDisabled, a => $"agent {a.Id}", "Disabled: the agent's sessions ended and signing in is refused.", ct);
    }

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) => ChangeAsync(id, a =>
    {
        a.Disabled = false;
        a.FailedAttempts = 0;
        a.LockedUntil = null;
        return true;
    }, AuditActions.AgentEnabled, a => $"agent {a.Id}", "Enabled.", ct);

    public Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken ct) => ChangeAsync(id, a =>
    {
        a.FailedAttempts = 0;
        a.LockedUntil = null;
        return true;
    }, AuditActions.AgentUnlocked, a => $"agent {a.Id}", "Unlocked.", ct);

    public Task<IActionResult> OnPostResetTotpAsync(Guid id, CancellationToken ct) => ChangeAsync(id, a =>
    {
        a.ProtectedTotpSecret = null;
        a.LastTotpStep = 0;
        a.SecurityStamp = Guid.NewGuid();
        return true;
    }, AuditActions.AgentSecondFactorReset, a => $"agent {a.Id}", "Second factor reset: the agent sets up a new one at the next sign-in.", ct);

    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id, CancellationToken ct)
    {
        var password = NewTemporaryPassword();
        var result = await ChangeAsync(id, a =>
        {
            a.PasswordHash = agents.HashPassword(a, password);
            a.MustChangePassword = true;
            a.SecurityStamp = Guid.NewGuid();
            return true;
        }, AuditActions.AgentPasswordReset, a => $"agent {a.Id}", "New temporary password set; the agent's sessions ended.", ct);
        TemporaryPassword = password;
        return result;
    }

    public static string Describe(Agent agent) => AgentsModel.Describe(agent);

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Agent, bool> change, string action, Func<Agent, string> detail, string done, CancellationToken ct)
    {
        if (await agents.UpdateAsync(id, change, ct) is not { } agent)
        {
            return NotFound();
        }

        await RecordAsync(action, detail(agent), ct);
        Done = done;
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        if (await agents.LoadAsync(id, ct) is not { } agent)
        {
            return NotFound();
        }

        Agent = agent;
        if (status == StatusCodes.Status200OK)
        {
            (Role, Tenants, OtherTenants) = (agent.Role, agent.Tenants, null);
        }

        Brands = await BrandList.ReadAsync(timeline, ct);
        Response.StatusCode = status;
        return Page();
    }
}
