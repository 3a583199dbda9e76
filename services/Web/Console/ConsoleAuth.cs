using System.Security.Claims;

namespace Shipping.Web.Console;

/// <summary>
/// The support console's authentication: the cookie scheme, its policies, roles and claims. A principal of this scheme
/// exists only after the password AND the second factor (TOTP); it carries the agent's id
/// (<see cref="ClaimTypes.NameIdentifier"/>), display name (<see cref="ClaimTypes.Name"/>), role
/// (<see cref="ClaimTypes.Role"/>) and one <see cref="TenantClaim"/> per brand the agent works for (<see cref="AllTenants"/>
/// for admins).
/// </summary>
public static class ConsoleAuth
{
    public const string Scheme = "console";
    public const string AgentPolicy = "console-agent";
    public const string AdminPolicy = "console-admin";
    public const string RoleAgent = "agent";
    public const string RoleAdmin = "admin";
    public const string TenantClaim = "shipping:tenant";

    /// <summary>The <see cref="TenantClaim"/> value of someone who works for every brand (admins).</summary>
    public const string AllTenants = "*";

    /// <summary>The agent's security stamp when signed in: a disabled agent, a reset second factor or a changed role ends the session.</summary>
    public const string StampClaim = "shipping:stamp";

    /// <summary>How the principal was authenticated (RFC 8176 <c>amr</c>): always <c>pwd</c> and <c>otp</c>.</summary>
    public const string MethodsClaim = "amr";

    /// <summary>The authentication cookie (path <c>/console</c>, HttpOnly, SameSite=Strict, Secure unless Development).</summary>
    public const string CookieName = "__shipping-console";

    /// <summary>The short-lived protected state between the password and the second factor; never a principal.</summary>
    public const string PendingCookieName = "__shipping-console-pending";

    public const string SignInPath = "/console/signin";
    public const string CodePath = "/console/signin/code";
    public const string EnrolPath = "/console/signin/enrol";
    public const string NewPasswordPath = "/console/signin/password";
    public const string SignOutPath = "/console/signout";
}

/// <summary>What the console's pages ask of the signed-in agent.</summary>
public static class ConsoleUser
{
    /// <summary>Whether the agent works for <paramref name="tenant"/> (admins: every tenant).</summary>
    public static bool CanAccessTenant(this ClaimsPrincipal user, string tenant) =>
        user.Identity?.IsAuthenticated == true &&
        user.FindAll(ConsoleAuth.TenantClaim).Any(c => c.Value == ConsoleAuth.AllTenants || string.Equals(c.Value, tenant, StringComparison.Ordinal));

    /// <summary>The tenants the agent works for as named in the claims; <see cref="ConsoleAuth.AllTenants"/> means all.</summary>
    public static IReadOnlyList<string> Tenants(this ClaimsPrincipal user) =>
        user.FindAll(ConsoleAuth.TenantClaim).Select(c => c.Value).ToList();

    public static bool IsConsoleAdmin(this ClaimsPrincipal user) => user.IsInRole(ConsoleAuth.RoleAdmin);

    /// <summary>The agent's id (the agent document's id as text).</summary>
    public static string AgentId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not a signed-in console agent.");

    public static string AgentName(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("Not a signed-in console agent.");
}
