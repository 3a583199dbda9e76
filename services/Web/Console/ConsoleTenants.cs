using System.Security.Claims;
using Refit;
using Shipping.Contracts.Api;

namespace Shipping.Web.Console;

/// <summary>A brand an agent may pick.</summary>
public sealed record TenantChoice(string Id, string Name);

/// <summary>The brands the signed-in agent works for, with their names from Timeline (admins: every brand Timeline knows).</summary>
public sealed class ConsoleTenants(ITimelineServiceApi timeline, ILogger<ConsoleTenants> log)
{
    public async Task<IReadOnlyList<TenantChoice>> ForAsync(ClaimsPrincipal agent, CancellationToken ct)
    {
        var claimed = agent.Tenants();
        IReadOnlyList<TenantBrand> brands = [];
        try
        {
            brands = await timeline.ListBrandsAsync(ct);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "The brands could not be read from Timeline; the brand picker shows the tenant ids only");
        }

        var names = brands.GroupBy(b => b.TenantId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Brand.Name, StringComparer.Ordinal);
        var ids = claimed.Contains(ConsoleAuth.AllTenants)
            ? names.Keys.Concat(claimed.Where(c => c != ConsoleAuth.AllTenants))
            : claimed;
        return ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => new TenantChoice(id, names.GetValueOrDefault(id) is { Length: > 0 } name ? name : id)).ToList();
    }
}
