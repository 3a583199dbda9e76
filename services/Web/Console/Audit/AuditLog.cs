using Marten;

namespace Shipping.Web.Console;

/// <summary>
/// The console's audit log: every view of a customer's personal data, every action and every sign-in, readable by admins
/// (<c>/console/admin/audit</c>). Entries are only ever added. <see cref="AuditEntry.Detail"/> never holds the personal
/// data itself (name, email, phone, address, note text): say what was done, not what was seen.
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken ct = default);

    /// <summary>Newest first, at most <see cref="AuditQuery.Limit"/> (capped at <see cref="MartenAuditLog.MaxLimit"/>).</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, CancellationToken ct = default);
}

/// <param name="Tenant">The brand the action concerned; <see cref="ConsoleAuth.AllTenants"/> for sign-ins and platform-wide admin actions.</param>
/// <param name="Action">What was done, e.g. <c>order.viewed</c> (<see cref="AuditActions"/>).</param>
public sealed record AuditEntry(
    Guid Id,
    string AgentId,
    string AgentName,
    string Tenant,
    string Action,
    string? OrderNumber,
    string? Detail,
    DateTimeOffset At);

/// <param name="From">Inclusive.</param>
/// <param name="To">Exclusive.</param>
public sealed record AuditQuery(string? Tenant = null, string? AgentId = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Limit = 200);

/// <summary>The actions this part of the console records; pages may add their own (lower-case, dotted).</summary>
public static class AuditActions
{
    public const string SignedIn = "signin";
    public const string SignInFailed = "signin.failed";
    public const string LockedOut = "signin.locked-out";
    public const string SecondFactorEnrolled = "signin.totp-enrolled";
    public const string PasswordChanged = "signin.password-changed";
    public const string SignedOut = "signout";
    public const string AgentCreated = "agent.created";
    public const string AgentChanged = "agent.changed";
    public const string AgentDisabled = "agent.disabled";
    public const string AgentEnabled = "agent.enabled";
    public const string AgentUnlocked = "agent.unlocked";
    public const string AgentSecondFactorReset = "agent.totp-reset";
    public const string AgentPasswordReset = "agent.password-reset";
    public const string BrandChanged = "brand.changed";
}

/// <summary><see cref="IAuditLog"/> on Web's Marten store, each entry a document of its own (indexed by time, tenant and agent).</summary>
public sealed class MartenAuditLog(IDocumentStore store) : IAuditLog
{
    public const int MaxLimit = 1000;

    public async Task RecordAsync(AuditEntry entry, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        session.Insert(entry.Id == Guid.Empty ? entry with { Id = Guid.NewGuid() } : entry);
        await session.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        IQueryable<AuditEntry> entries = session.Query<AuditEntry>();
        if (!string.IsNullOrWhiteSpace(query.Tenant))
        {
            entries = entries.Where(e => e.Tenant == query.Tenant);
        }

        if (!string.IsNullOrWhiteSpace(query.AgentId))
        {
            entries = entries.Where(e => e.AgentId == query.AgentId);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        return await entries.OrderByDescending(e => e.At).Take(limit).ToListAsync(ct);
    }
}
