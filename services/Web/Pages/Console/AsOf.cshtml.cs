using Microsoft.AspNetCore.Authorization;
using AuthorizeAttribute = Microsoft.AspNetCore.Authorization.AuthorizeAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Refit;
using Shipping.Contracts.Api;
using Shipping.Web.Console;

namespace Shipping.Web.Pages.Console;

/// <summary>
/// <c>/console/{tenant}/orders/{orderNumber}/as-of</c>: one parcel as Timeline knew it at a moment the agent chose, the
/// wall-clock time read in the zone they named (the customer's by default) with that zone's offset then.
/// </summary>
[Authorize(Policy = ConsoleAuth.AgentPolicy)]
public sealed class AsOfModel(ITimelineServiceApi timeline, IAuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty]
    public Guid ShipmentId { get; set; }

    [BindProperty]
    public string? At { get; set; }

    [BindProperty]
    public string? Zone { get; set; }

    public string Tenant { get; private set; } = "";

    public string OrderNumber { get; private set; } = "";

    public OrderSummary? Order { get; private set; }

    public ShipmentDetails? Shipment { get; private set; }

    /// <summary>The moment asked for, with its offset.</summary>
    public DateTimeOffset? Moment { get; private set; }

    public TimeZoneInfo ZoneInfo { get; private set; } = TimeZoneInfo.Utc;

    public string? Error { get; private set; }

    public IActionResult OnGet(string tenant, string orderNumber) =>
        Redirect($"/console/{Uri.EscapeDataString(tenant)}/orders/{Uri.EscapeDataString(orderNumber)}");

    public async Task<IActionResult> OnPostAsync(string tenant, string orderNumber, CancellationToken ct)
    {
        if (!User.CanAccessTenant(tenant))
        {
            return NotFound();
        }

        (Tenant, OrderNumber) = (tenant, orderNumber);
        try
        {
            Order = await timeline.GetOrderAsync(tenant, orderNumber, ct);
        }
        catch (ApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return NotFound();
        }

        if (Order.Shipments.All(s => s.ShipmentId != ShipmentId))
        {
            return NotFound();
        }

        if (!ConsoleTimes.IsKnownZone(Zone))
        {
            ModelState.AddModelError(nameof(Zone), "Name a time zone such as Europe/Berlin or UTC.");
        }
        else
        {
            ZoneInfo = ConsoleTimes.ZoneOrUtc(Zone);
            Moment = ConsoleTimes.ParseLocal(At, ZoneInfo);
            if (Moment is null)
            {
                ModelState.AddModelError(nameof(At), "Give a date and time, e.g. 2026-11-20T10:00.");
            }
        }

        if (!ModelState.IsValid)
        {
            Error = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            Shipment = await timeline.GetShipmentAsOfAsync(tenant, ShipmentId, Moment!.Value, ct);
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

        await audit.RecordAsync(User, time, tenant, ConsoleActions.AsOfViewed, Order.OrderNumber,
            $"shipment {ShipmentId} as of {Moment:O}" + (Shipment is null ? ": failed" : ""), ct);
        return Page();
    }

    public string Show(DateTimeOffset moment) => ConsoleTimes.Show(moment, ZoneInfo);
}
