using System.Globalization;
using Shipping.Contracts.Api;
using Shipping.Web.Console;
using Shipping.Web.Console.Agents;

namespace Shipping.Web.Pages.Console.Admin;

/// <summary><c>/console/admin/audit</c> (admins): the audit log, newest first, by brand, agent and period (UTC days, both inclusive).</summary>
public sealed class AuditModel(IAuditLog audit, AgentDirectory agents, ITimelineServiceApi timeline, TimeProvider time) : AdminPageModel(audit, time)
{
    private readonly IAuditLog _audit = audit;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyList<Agent> Agents { get; private set; } = [];

    public IReadOnlyList<TenantBrand> Brands { get; private set; } = [];

    public string? Tenant { get; private set; }
    public string? Agent { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
    public int Limit { get; private set; }

    public async Task OnGetAsync(string? tenant, string? agent, string? from, string? to, int? limit, CancellationToken ct)
    {
        (Tenant, Agent, From, To) = (Blank(tenant), Blank(agent), Blank(from), Blank(to));
        Limit = Math.Clamp(limit ?? 200, 1, MartenAuditLog.MaxLimit);
        var fromDay = Day(From, "from");
        var toDay = Day(To, "to");
        if (fromDay is { } f && toDay is { } t && f > t)
        {
            Errors["to"] = "The period ends before it starts.";
        }

        Agents = await agents.ListAsync(ct);
        Brands = await BrandList.ReadAsync(timeline, ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Entries = await _audit.ReadAsync(new AuditQuery(
            Tenant,
            Agent,
            fromDay is { } start ? new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            toDay is { } end ? new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Limit), ct);
    }

    private DateOnly? Day(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        Errors[field] = "A date written yyyy-MM-dd.";
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
