using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Shipping.Contracts;
using Shipping.Timeline.Orders.RatingDelivery;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.ReadSide.Dashboard;

/// <summary>
/// A tenant's figures per UTC day (async, per tenant): shipments registered, deliveries (once per shipment, on time when
/// the delivery scan's local day is within the promise), delays by carrier and reason, alerts sent (once per alert),
/// delivery-change requests by channel, ratings. Each fact counts on the UTC day it happened. The daemon applies one
/// page after another, so reading the last page's documents back is safe; a rebuild starts from nothing.
/// </summary>
public sealed class DashboardProjection : IProjection
{
    public const string Name = "dashboard";

    /// <summary>The event types the figures are made of: the daemon reads no others for the projection (<see cref="Matters"/> narrows further).</summary>
    public static readonly Type[] EventTypes =
    [
        typeof(ShipmentOpened), typeof(StatusChanged), typeof(DelayDetected), typeof(AlertRecorded), typeof(DeliveryChangeRecorded),
        typeof(DeliveryChangeRefused), typeof(DeliveryRated),
    ];

    public static bool Matters(object data) => data is ShipmentOpened or StatusChanged or DelayDetected or AlertRecorded
        or DeliveryChangeRecorded or DeliveryChangeRefused { ByCarrier: false, Channel: not null } or DeliveryRated;

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var tenant in events.Where(e => Matters(e.Data)).GroupBy(e => e.TenantId))
        {
            await ApplyTenantAsync(operations, tenant.Key, [.. tenant], cancellation);
        }
    }

    private static async Task ApplyTenantAsync(IDocumentOperations operations, string tenantId, IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        await using var reader = operations.DocumentStore.QuerySession(tenantId);
        var shipmentIds = events.Where(e => e.Data is ShipmentOpened or StatusChanged or DelayDetected).Select(e => e.StreamId).Distinct().ToArray();
        var shipments = (await reader.LoadManyAsync<DashboardShipment>(ct, shipmentIds)).ToDictionary(s => s.Id);
        var alertIds = events.Select(e => e.Data).OfType<AlertRecorded>().Select(a => a.AlertId).Distinct().ToArray();
        var counted = (await reader.LoadManyAsync<DashboardAlert>(ct, alertIds)).Select(a => a.Id).ToHashSet();
        var dayIds = events.SelectMany(DaysOf).Distinct().ToArray();
        var days = (await reader.LoadManyAsync<DashboardDay>(ct, dayIds)).ToDictionary(d => d.Id);

        var (changedShipments, newAlerts) = Fold(events.Select(e => (e.StreamId, e.Data)), shipments, counted, days);
        var writer = operations.ForTenant(tenantId);
        writer.Store(changedShipments.ToArray());
        writer.Store(newAlerts.Select(id => new DashboardAlert { Id = id }).ToArray());
        writer.Store(days.Values.ToArray());
    }

    /// <summary>The days an event may touch (a replaced rating touches the day of the one it replaced, too).</summary>
    private static IEnumerable<string> DaysOf(IEvent e) => e.Data switch
    {
        ShipmentOpened x => [DashboardDay.IdFor(x.OpenedAt)],
        StatusChanged x => [DashboardDay.IdFor(x.OccurredAt)],
        DelayDetected x => [DashboardDay.IdFor(x.DetectedAt)],
        AlertRecorded x => [DashboardDay.IdFor(x.SentAt)],
        DeliveryChangeRecorded x => [DashboardDay.IdFor(x.RequestedAt)],
        DeliveryChangeRefused x => [DashboardDay.IdFor(x.RefusedAt)],
        DeliveryRated { PreviousRatedAt: { } previous } x => [DashboardDay.IdFor(x.RatedAt), DashboardDay.IdFor(previous)],
        DeliveryRated x => [DashboardDay.IdFor(x.RatedAt)],
        _ => [],
    };

    /// <summary>
    /// Folds one tenant's events into the day documents (<paramref name="days"/>, updated in place, new ones added), with
    /// the shipments and alerts known so far. Returns the shipments that changed and the alerts newly counted.
    /// </summary>
    public static (IReadOnlyList<DashboardShipment> Shipments, IReadOnlyList<Guid> Alerts) Fold(
        IEnumerable<(Guid StreamId, object Data)> events, IDictionary<Guid, DashboardShipment> shipments, ISet<Guid> countedAlerts,
        IDictionary<string, DashboardDay> days)
    {
        var changed = new Dictionary<Guid, DashboardShipment>();
        var alerts = new List<Guid>();
        DashboardDay Day(string id) => days.TryGetValue(id, out var day) ? day : days[id] = new DashboardDay { Id = id };

        foreach (var (streamId, data) in events)
        {
            switch (data)
            {
                case ShipmentOpened e when !shipments.ContainsKey(streamId):
                    var opened = new DashboardShipment
                    {
                        Id = streamId, Carrier = e.Carrier, PromisedFrom = e.PromisedFrom, PromisedDeliveryDate = e.PromisedDeliveryDate,
                    };
                    shipments[streamId] = changed[streamId] = opened;
                    Day(DashboardDay.IdFor(e.OpenedAt)).Shipments++;
                    break;
                case StatusChanged { Status: TrackingStatus.Delivered } e
                    when shipments.TryGetValue(streamId, out var shipment) && !shipment.DeliveryCounted:
                    shipment.DeliveryCounted = true;
                    changed[streamId] = shipment;
                    var day = Day(DashboardDay.IdFor(e.OccurredAt));
                    day.Delivered++;
                    if (shipment.PromisedDeliveryDate is { } promised)
                    {
                        // The day it arrived where it arrived: the scan's own offset.
                        var local = DateOnly.FromDateTime(e.OccurredAt.DateTime);
                        day.DeliveredWithPromise++;
                        if (local <= promised && !(local < shipment.PromisedFrom))
                        {
                            day.DeliveredOnTime++;
                        }
                    }

                    break;
                case DelayDetected e:
                    var delays = Day(DashboardDay.IdFor(e.DetectedAt)).Delays;
                    var key = DashboardDay.DelayKey(shipments.TryGetValue(streamId, out var delayed) ? delayed.Carrier : "unknown", e.Reason);
                    delays[key] = delays.GetValueOrDefault(key) + 1;
                    break;
                case AlertRecorded e when countedAlerts.Add(e.AlertId):
                    alerts.Add(e.AlertId);
                    var alertDay = Day(DashboardDay.IdFor(e.SentAt));
                    alertDay.AlertsSent++;
                    alertDay.AlertsByChannel[e.Channel] = alertDay.AlertsByChannel.GetValueOrDefault(e.Channel) + 1;
                    break;
                case DeliveryChangeRecorded e:
                    CountRequest(Day(DashboardDay.IdFor(e.RequestedAt)), e.Channel);
                    break;
                case DeliveryChangeRefused { ByCarrier: false, Channel: { } channel } e:
                    CountRequest(Day(DashboardDay.IdFor(e.RefusedAt)), channel);
                    break;
                case DeliveryRated e:
                    if (e is { PreviousStars: { } stars, PreviousRatedAt: { } previous })
                    {
                        var before = Day(DashboardDay.IdFor(previous));
                        before.Ratings--;
                        before.Stars -= stars;
                    }

                    var rated = Day(DashboardDay.IdFor(e.RatedAt));
                    rated.Ratings++;
                    rated.Stars += e.Stars;
                    break;
            }
        }

        return ([.. changed.Values], alerts);
    }

    private static void CountRequest(DashboardDay day, DeliveryChangeChannel channel) =>
        day.Requests[channel] = day.Requests.GetValueOrDefault(channel) + 1;
}
