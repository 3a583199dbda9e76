using Shipping.Contracts;
using Shipping.Contracts.Api;

namespace Shipping.Web.Console.Orders;

/// <summary>One line of the order's timeline in the console: when, who, what, and (for a scan) the carrier's own words.</summary>
/// <param name="TrackingNumber">The parcel it is about; null for an alert about the whole order.</param>
/// <param name="Alert">For an alert: the message log's entry (channel, text, every status), its newest status in <see cref="AlertLogEntry.State"/>.</param>
public sealed record ConsoleTimelineEntry(
    DateTimeOffset At,
    TimelineRowKind Kind,
    string Actor,
    string Summary,
    string? TrackingNumber,
    string? RawCode,
    string? RawText,
    AlertLogEntry? Alert = null);

/// <summary>
/// The order's one timeline, newest first: Timeline's history rows (scans, estimates, delays, delivery changes, notes,
/// ratings) merged with Notifications' message log. Each alert appears once, with its newest status and its status
/// history; Timeline's own alert rows (one per shipment and status report) are left out when the log is at hand, and
/// only collapsed across shipments when it is not.
/// </summary>
public static class ConsoleTimeline
{
    public static IReadOnlyList<ConsoleTimelineEntry> Merge(OrderHistory history, IReadOnlyList<AlertLogEntry>? alerts)
    {
        var entries = new List<ConsoleTimelineEntry>();
        var numbers = history.Rows.Where(r => r.ShipmentId != Guid.Empty).GroupBy(r => r.ShipmentId).ToDictionary(g => g.Key, g => g.First().TrackingNumber);
        foreach (var row in history.Rows)
        {
            if (alerts is not null && row.Kind is TimelineRowKind.AlertSent or TimelineRowKind.AlertStatus)
            {
                continue;
            }

            entries.Add(new ConsoleTimelineEntry(
                row.At, row.Kind, row.Actor, row.Summary, string.IsNullOrEmpty(row.TrackingNumber) ? null : row.TrackingNumber, row.RawCode, row.RawText));
        }

        if (alerts is null)
        {
            // Without the log: the same alert row recorded on each shipment of the order shows once.
            entries = entries
                .GroupBy(e => e.Kind is TimelineRowKind.AlertSent or TimelineRowKind.AlertStatus ? (object)(e.Kind, e.At, e.Summary) : e)
                .Select(g => g.Count() == 1 ? g.First() : g.First() with { TrackingNumber = null })
                .ToList();
        }
        else
        {
            foreach (var alert in alerts.DistinctBy(a => a.AlertId))
            {
                var parcels = alert.ShipmentIds.Select(id => numbers.GetValueOrDefault(id)).OfType<string>().ToList();
                entries.Add(new ConsoleTimelineEntry(
                    alert.SentAt ?? alert.CreatedAt,
                    TimelineRowKind.AlertSent,
                    alert.ResendOf is null ? "notifications" : "notifications (resent by support)",
                    AlertSummary(alert),
                    parcels.Count == 1 ? parcels[0] : null,
                    null,
                    null,
                    alert with { History = [.. alert.History.OrderByDescending(h => h.At)] }));
            }
        }

        return entries.OrderByDescending(e => e.At).ToList();
    }

    public static string ChannelName(AlertChannel? channel) => channel switch
    {
        AlertChannel.Sms => "SMS",
        AlertChannel.Email => "Email",
        _ => "Alert",
    };

    private static string AlertSummary(AlertLogEntry alert) =>
        $"{ChannelName(alert.Channel)} alert: {alert.Trigger}" + (alert.ResendOf is null ? "" : " (resent)") + ".";
}
