using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.AspNetCore.Authorization;
using AuthorizeAttribute = Microsoft.AspNetCore.Authorization.AuthorizeAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Refit;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Web.Console;
using Shipping.Web.Console.Orders;
using Shipping.Web.DeliveryChanges;

namespace Shipping.Web.Pages.Console;

/// <summary>
/// <c>/console/{tenant}/orders/{orderNumber}</c>: the customer, every parcel and the order's one timeline, newest first;
/// and what an agent does for the customer: add a note, resend an alert, ask for a delivery change, and (admins) export
/// or erase the customer's data. Only for brands the agent works for (others: 404, as if the order did not exist).
/// Every view and every action goes to the audit log.
/// </summary>
[Authorize(Policy = ConsoleAuth.AgentPolicy)]
public sealed class OrderModel(
    OrderPageReader reader,
    ITimelineServiceApi timeline,
    ConsoleNotifications notifications,
    IPublishEndpoint bus,
    IAuditLog audit,
    IAuthorizationService authorization,
    TimeProvider time) : PageModel
{
    public const int MaxNoteLength = 2000;

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>What a successful action redirects with, and the sentence shown for it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Done = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["note"] = "The note was added to the timeline.",
        ["resent"] = "The alert is being sent again; it appears on the timeline as a new alert.",
        ["change"] = "The delivery change was sent to the carrier; the timeline shows it as requested until the carrier answers.",
    };

    public OrderPage? View { get; private set; }

    public string Tenant { get; private set; } = "";

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public bool IsAdmin { get; private set; }

    /// <summary>The zone times are shown in: the one chosen (<c>?zone=</c>), else the customer's, else UTC.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>The erasure waiting for its confirmation (the agent typed nothing yet, or not the order number).</summary>
    public bool ConfirmErasure { get; private set; }

    public CustomerErasure? Erasure { get; private set; }

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(string tenant, string orderNumber, string? done, string? zone, CancellationToken ct)
    {
        if (!await LoadAsync(tenant, orderNumber, zone, ct))
        {
            return NotFound();
        }

        Message = done is not null ? Done.GetValueOrDefault(done) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostNoteAsync(string tenant, string orderNumber, string? text, Guid? shipmentId, CancellationToken ct)
    {
        if (!await LoadAsync(tenant, orderNumber, null, ct))
        {
            return NotFound();
        }

        var note = text?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > MaxNoteLength)
        {
            await RecordAsync(ConsoleActions.NoteAdded, "refused: empty or too long", ct);
            return Failed($"A note needs some text (at most {MaxNoteLength} characters).", StatusCodes.Status400BadRequest);
        }

        if (shipmentId is { } id && View!.Shipments.All(s => s.ShipmentId != id))
        {
            return NotFound();
        }

        try
        {
            var added = await timeline.AddNoteAsync(tenant, View!.Order.OrderNumber, new AddAgentNote(User.AgentId(), User.AgentName(), note, shipmentId), ct);
            await RecordAsync(ConsoleActions.NoteAdded, $"note {added.NoteId}", ct);
        }
        catch (Exception e) when (Problem(e, "Timeline") is { } problem)
        {
            await RecordAsync(ConsoleActions.NoteAdded, $"failed: {problem.Status}", ct);
            return Failed(problem.Text, problem.Status);
        }

        return Redirect(Self("note"));
    }

    public async Task<IActionResult> OnPostResendAsync(string tenant, string orderNumber, Guid alertId, AlertChannel? channel, CancellationToken ct)
    {
        if (!await LoadAsync(tenant, orderNumber, null, ct))
        {
            return NotFound();
        }

        if (View!.AlertsUnavailable is null && View.Alerts.All(a => a.AlertId != alertId))
        {
            // Only this order's alerts can be resent from its page.
            return NotFound();
        }

        try
        {
            var resent = await notifications.ResendAsync(tenant, alertId, channel, ct);
            await RecordAsync(ConsoleActions.AlertResent, $"alert {alertId} resent as {resent.AlertId}" + (channel is { } c ? $" by {c}" : ""), ct);
        }
        catch (Exception e) when (Problem(e, "Notifications") is { } problem)
        {
            await RecordAsync(ConsoleActions.AlertResent, $"alert {alertId}: failed {problem.Status}", ct);
            return Failed(problem.Text, problem.Status);
        }

        return Redirect(Self("resent"));
    }

    public async Task<IActionResult> OnPostChangeAsync(string tenant, string orderNumber, DeliveryChangeForm form, CancellationToken ct)
    {
        if (!await LoadAsync(tenant, orderNumber, null, ct))
        {
            return NotFound();
        }

        if (View!.Shipments.FirstOrDefault(s => s.ShipmentId == form.ShipmentId) is not { } shipment)
        {
            return NotFound();
        }

        if (!shipment.DeliveryOptions.Allowed.Contains(form.Kind))
        {
            await RecordAsync(ConsoleActions.DeliveryChangeRequested, $"shipment {shipment.ShipmentId}: {form.Kind} refused, not allowed now", ct);
            return Failed($"The carrier no longer allows this change ({form.Kind})" +
                          (shipment.DeliveryOptions.NotAllowedReason is { } why ? $": {why}" : "."), StatusCodes.Status409Conflict);
        }

        if (form.Details() is not { } details)
        {
            await RecordAsync(ConsoleActions.DeliveryChangeRequested, $"shipment {shipment.ShipmentId}: {form.Kind} refused, details missing", ct);
            return Failed($"Please give {form.Requirement}.", StatusCodes.Status400BadRequest);
        }

        var request = new DeliveryChangeRequested(
            NewId.NextGuid(), tenant, shipment.ShipmentId, form.Kind, details, DeliveryChangeChannel.SupportAgent, time.GetUtcNow(),
            RequestedBy: $"agent:{User.AgentName()}");
        await bus.Publish(request, ct);
        await RecordAsync(ConsoleActions.DeliveryChangeRequested, $"shipment {shipment.ShipmentId}: {form.Kind}, request {request.RequestId}", ct);
        return Redirect(Self("change"));
    }

    public async Task<IActionResult> OnPostExportAsync(string tenant, string orderNumber, CancellationToken ct)
    {
        if (!await AdminAsync())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!await LoadAsync(tenant, orderNumber, null, ct))
        {
            return NotFound();
        }

        try
        {
            var export = await timeline.ExportOrderAsync(tenant, View!.Order.OrderNumber, ct);
            await RecordAsync(ConsoleActions.Exported, $"{export.Orders.Count} order(s) exported", ct);
            var name = $"customer-data-{tenant}-{string.Concat(View.Order.OrderNumber.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_'))}.json";
            return File(JsonSerializer.SerializeToUtf8Bytes(export, ExportJson), "application/json", name);
        }
        catch (Exception e) when (Problem(e, "Timeline") is { } problem)
        {
            await RecordAsync(ConsoleActions.Exported, $"failed: {problem.Status}", ct);
            return Failed(problem.Text, problem.Status);
        }
    }

    /// <summary>Erasing takes two steps: the first asks to confirm by typing the order number, the second erases.</summary>
    public async Task<IActionResult> OnPostEraseAsync(string tenant, string orderNumber, string? confirmation, CancellationToken ct)
    {
        if (!await AdminAsync())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!await LoadAsync(tenant, orderNumber, null, ct))
        {
            return NotFound();
        }

        if (!string.Equals(confirmation?.Trim(), View!.Order.OrderNumber, StringComparison.Ordinal))
        {
            ConfirmErasure = true;
            if (confirmation is not null)
            {
                Error = "The order number typed does not match; nothing was erased.";
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return Page();
        }

        try
        {
            Erasure = await timeline.EraseOrderAsync(tenant, View.Order.OrderNumber, ct);
            await RecordAsync(ConsoleActions.Erased, string.Join(", ", Erasure.Orders.Select(o => $"erasure {o.ErasureId}" + (o.AlreadyErased ? " (already erased)" : ""))), ct);
        }
        catch (Exception e) when (Problem(e, "Timeline") is { } problem)
        {
            await RecordAsync(ConsoleActions.Erased, $"failed: {problem.Status}", ct);
            return Failed(problem.Text, problem.Status);
        }

        await LoadAsync(tenant, orderNumber, null, ct);
        Message = "The customer's personal data was erased. The parcels' carrier history stays.";
        return Page();
    }

    public string Show(DateTimeOffset moment) => ConsoleTimes.Show(moment, Zone);

    private string Self(string done) =>
        $"/console/{Uri.EscapeDataString(Tenant)}/orders/{Uri.EscapeDataString(View!.Order.OrderNumber)}?done={done}";

    private async Task<bool> LoadAsync(string tenant, string orderNumber, string? zone, CancellationToken ct)
    {
        if (!User.CanAccessTenant(tenant))
        {
            return false;
        }

        Tenant = tenant;
        View = await reader.ReadAsync(tenant, orderNumber, ct);
        if (View is null)
        {
            return false;
        }

        IsAdmin = await AdminAsync();
        Zone = ConsoleTimes.ZoneOrUtc(ConsoleTimes.IsKnownZone(zone) ? zone : View.TimeZone);
        if (HttpMethods.IsGet(Request.Method))
        {
            await RecordAsync(ConsoleActions.OrderViewed, $"{View.Shipments.Count} parcel(s), {View.Timeline.Count} timeline entries", ct);
        }

        return true;
    }

    private async Task<bool> AdminAsync() => (await authorization.AuthorizeAsync(User, ConsoleAuth.AdminPolicy)).Succeeded;

    private Task RecordAsync(string action, string detail, CancellationToken ct) =>
        audit.RecordAsync(User, time, Tenant, action, View?.Order.OrderNumber, detail, ct);

    private PageResult Failed(string error, int status)
    {
        Error = error;
        Response.StatusCode = status;
        return Page();
    }

    private static (string Text, int Status)? Problem(Exception e, string service) => e switch
    {
        ApiException api => (ApiProblems.Describe(api, service), (int)api.StatusCode is >= 400 and < 500 ? (int)api.StatusCode : StatusCodes.Status502BadGateway),
        HttpRequestException => (ApiProblems.Unreachable(service), StatusCodes.Status502BadGateway),
        _ => null,
    };
}
