using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Notifications.Outbox;
using Shipping.ServiceDefaults;

namespace Shipping.Notifications.Alerts.Log;

/// <summary>The message log for support: an order's alerts, the local outbox, and resending an alert.</summary>
public static class MessageLogEndpoints
{
    public static RouteGroupBuilder MapMessageLog(this RouteGroupBuilder api)
    {
        api.MapGet("/orders/{orderNumber}/alerts", GetAlertsAsync).WithName("GetAlerts");
        api.MapPost("/alerts/{alertId:guid}/resend", ResendAsync).WithName("ResendAlert");
        api.MapGet("/outbox", GetOutboxAsync).WithName("GetOutbox");
        return api;
    }

    private static async Task<Ok<List<AlertLogEntry>>> GetAlertsAsync(string orderNumber, HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        var tenant = PlatformClaims.TenantOf(http.User);
        await using var session = store.QuerySession();
        var alerts = await session.Query<Alert>()
            .Where(a => a.TenantId == tenant && a.OrderNumber == orderNumber)
            .OrderByDescending(a => a.CreatedAt)
            .ToListAsync(ct);
        return TypedResults.Ok(alerts.Select(ToEntry).ToList());
    }

    private static async Task<Results<Accepted<ResentAlert>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> ResendAsync(
        Guid alertId, ResendAlert? request, HttpContext http, IDocumentStore store, TimeProvider time, CancellationToken ct)
    {
        var tenant = PlatformClaims.TenantOf(http.User);
        await using var session = store.LightweightSession();
        var original = await session.LoadAsync<Alert>(alertId, ct);
        if (original is null || original.TenantId != tenant)
        {
            return TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "Unknown alert", Detail = $"No alert {alertId} for this tenant." });
        }

        var now = time.GetUtcNow();
        var key = $"resend:{original.Id}:{now.UtcTicks}";
        var resent = new Alert
        {
            Id = StableIds.From("notifications-alert", tenant, key),
            TenantId = tenant,
            OrderNumber = original.OrderNumber,
            Family = original.Family,
            Subjects = [.. original.Subjects],
            Answer = original.Answer,
            ReplyText = original.ReplyText,
            Channel = request?.Channel ?? original.Channel,
            ResendOf = original.Id,
            IdempotencyKey = key,
            CreatedAt = now,
            DueAt = now,
            History = [new AlertStatusEntry(AlertState.Pending, now, null, $"Resend of {original.Id}, asked for by {http.User.FindFirst(PlatformClaims.Service)?.Value}")],
        };
        session.Insert(resent);
        await session.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/api/notifications/orders/{Uri.EscapeDataString(original.OrderNumber)}/alerts", new ResentAlert(resent.Id));
    }

    private static async Task<Ok<List<OutboxEntry>>> GetOutboxAsync(HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        var tenant = PlatformClaims.TenantOf(http.User);
        await using var session = store.QuerySession();
        var messages = await session.Query<OutboxMessage>()
            .Where(m => m.TenantId == tenant)
            .OrderByDescending(m => m.CreatedAt)
            .Take(200)
            .ToListAsync(ct);
        return TypedResults.Ok(messages.Select(m => new OutboxEntry(m.Id, m.AlertId, m.OrderNumber, m.Channel, m.To, m.Subject, m.Text, m.Html, m.CreatedAt)).ToList());
    }

    public static AlertLogEntry ToEntry(Alert a) => new(
        a.Id, a.OrderNumber, a.ShipmentIds, a.Trigger, a.Channel, a.Template, a.Language, a.Recipient, a.Subject, a.Text, a.ProviderMessageId,
        a.State.ToString(), a.CreatedAt, a.SentAt,
        a.History.Select(h => new AlertStatusChange(h.State.ToString(), h.At, h.ErrorCode, h.Note)).ToList(), a.FallbackOf, a.ResendOf);
}
