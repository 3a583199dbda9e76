using System.Net;
using Refit;
using Shipping.Contracts.Api;

namespace Shipping.Web.Console.Orders;

/// <summary>Everything the console's order page shows: the order with its customer, every parcel, and the one timeline.</summary>
/// <param name="TimeZone">The customer's IANA zone, if the order has one.</param>
/// <param name="AlertsUnavailable">Why the message log is missing (Notifications unreachable); the timeline then shows Timeline's alert rows.</param>
public sealed record OrderPage(
    string Tenant,
    OrderSummary Order,
    string? TimeZone,
    IReadOnlyList<ShipmentDetails> Shipments,
    IReadOnlyList<ConsoleTimelineEntry> Timeline,
    IReadOnlyList<AlertLogEntry> Alerts,
    string? AlertsUnavailable);

/// <summary>Reads an order for the console from Timeline (order, parcels, history) and Notifications (message log).</summary>
public sealed class OrderPageReader(ITimelineServiceApi timeline, ConsoleNotifications notifications, ILogger<OrderPageReader> log)
{
    /// <summary>The order, or null when the tenant has no such order.</summary>
    public async Task<OrderPage?> ReadAsync(string tenant, string orderNumber, CancellationToken ct)
    {
        OrderSummary order;
        try
        {
            order = await timeline.GetOrderAsync(tenant, orderNumber, ct);
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var historyTask = timeline.GetOrderHistoryAsync(tenant, order.OrderNumber, ct);
        var shipmentTasks = order.Shipments.Select(s => timeline.GetShipmentAsync(tenant, s.ShipmentId, ct)).ToList();
        var alertsTask = ReadAlertsAsync(tenant, order.OrderNumber, ct);

        var history = await historyTask;
        var shipments = await Task.WhenAll(shipmentTasks);
        var (alerts, unavailable) = await alertsTask;
        return new OrderPage(tenant, order, order.Customer.TimeZone, shipments, ConsoleTimeline.Merge(history, alerts), alerts ?? [], unavailable);
    }

    private async Task<(IReadOnlyList<AlertLogEntry>? Alerts, string? Unavailable)> ReadAlertsAsync(string tenant, string orderNumber, CancellationToken ct)
    {
        try
        {
            return (await notifications.AlertsAsync(tenant, orderNumber, ct), null);
        }
        catch (ApiException e)
        {
            log.LogWarning("Notifications answered {Status} for an order's message log", (int)e.StatusCode);
            return (null, ApiProblems.Describe(e, "Notifications"));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Notifications could not be reached for an order's message log");
            return (null, ApiProblems.Unreachable("Notifications"));
        }
    }
}
