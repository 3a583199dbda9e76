using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Shipping.Web.Console.Agents;

namespace Shipping.Web.Console.Security;

/// <summary>
/// Checks a console session on every request: the agent still exists, is not disabled, and its security stamp is the one
/// signed in with (a reset second factor, a new role or tenants end the session). Otherwise the cookie is dropped.
/// </summary>
public static class ConsoleSession
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal;
        var valid = false;
        if (Guid.TryParse(user?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id) &&
            Guid.TryParse(user?.FindFirst(ConsoleAuth.StampClaim)?.Value, out var stamp))
        {
            var agent = await context.HttpContext.RequestServices.GetRequiredService<AgentDirectory>().LoadAsync(id, context.HttpContext.RequestAborted);
            valid = agent is { Disabled: false } && agent.SecurityStamp == stamp && agent.HasSecondFactor;
        }

        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ConsoleAuth.Scheme);
        }
    }
}
