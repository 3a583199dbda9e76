using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shipping.ServiceDefaults;
using Shipping.Web.Console;

namespace Shipping.Web.Pages.Console.Admin;

/// <summary>What the admin pages share: field errors, the audit of every admin action, temporary passwords.</summary>
public abstract class AdminPageModel(IAuditLog audit, TimeProvider time) : PageModel
{
    public const int TemporaryPasswordLength = 16;

    /// <summary>Field name → message, shown beside the field; a page with errors answers 400.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>What the last action did, for the notice at the top.</summary>
    public string? Done { get; protected set; }

    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    protected Task RecordAsync(string action, string? detail, CancellationToken ct, string tenant = ConsoleAuth.AllTenants) =>
        audit.RecordAsync(new AuditEntry(Guid.NewGuid(), User.AgentId(), User.AgentName(), tenant, action, null, detail, time.GetUtcNow()), ct);

    /// <summary>A password to hand over once (16 characters without look-alikes, about 80 bits).</summary>
    protected static string NewTemporaryPassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", TemporaryPasswordLength);

    /// <summary>Tenant ids from the checked boxes and the free text (comma or space separated); an error for any that is no tenant id.</summary>
    protected List<string> ParseTenants(IEnumerable<string>? checkedTenants, string? otherTenants, string field)
    {
        var all = (checkedTenants ?? []).Concat((otherTenants ?? "").Split([',', ' ', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(t => t.Trim().ToLowerInvariant())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (all.FirstOrDefault(t => !ServiceKeyAuthenticationHandler.TenantPattern().IsMatch(t)) is { } bad)
        {
            Errors[field] = $"\"{bad}\" is not a tenant id (lower-case letters, digits and hyphens).";
        }

        return all;
    }
}
