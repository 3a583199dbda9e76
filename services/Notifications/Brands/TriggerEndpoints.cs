using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Contracts.Api;
using Shipping.ServiceDefaults;

namespace Shipping.Notifications.Brands;

/// <summary>Each brand switches each alert trigger on or off.</summary>
public static class TriggerEndpoints
{
    public static RouteGroupBuilder MapTriggers(this RouteGroupBuilder api)
    {
        api.MapGet("/triggers", GetAsync).WithName("GetTriggers");
        api.MapPut("/triggers", UpdateAsync).WithName("UpdateTriggers");
        return api;
    }

    private static async Task<Ok<AlertTriggers>> GetAsync(HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var profile = await session.LoadAsync<BrandProfile>(PlatformClaims.TenantOf(http.User), ct);
        return TypedResults.Ok(new AlertTriggers((profile?.DisabledTriggers ?? []).Select(t => t.ToString()).ToList()));
    }

    private static async Task<Results<Ok<AlertTriggers>, ValidationProblem>> UpdateAsync(AlertTriggers request, HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        var unknown = request.Disabled.Where(t => !Enum.TryParse<AlertReason>(t, ignoreCase: false, out _)).ToList();
        if (unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["disabled"] = [$"Unknown trigger(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Enum.GetNames<AlertReason>())}."],
            });
        }

        var tenant = PlatformClaims.TenantOf(http.User);
        await using var session = store.LightweightSession();
        var profile = await session.LoadAsync<BrandProfile>(tenant, ct) ?? new BrandProfile { Id = tenant };
        profile.DisabledTriggers = request.Disabled.Select(Enum.Parse<AlertReason>).Distinct().ToList();
        session.Store(profile);
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(new AlertTriggers(profile.DisabledTriggers.Select(t => t.ToString()).ToList()));
    }
}
