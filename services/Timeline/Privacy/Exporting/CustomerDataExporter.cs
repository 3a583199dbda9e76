using Marten;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Timeline.Orders;
using Shipping.Timeline.ReadSide.ShipmentDetails;
using Shipping.Timeline.Shipments;
using Shipping.Timeline.Timelines.Rows;

namespace Shipping.Timeline.Privacy.Exporting;

/// <summary>
/// Everything Timeline holds about the customer of some orders of one tenant: the order (contact, consent, address,
/// promise), and for each shipment its carrier scans, delays, delivery changes with the details the customer gave
/// (read from the shipment's stream: the read models keep only their kind and outcome) and its whole history.
/// </summary>
public static class CustomerDataExporter
{
    public static async Task<CustomerDataExport> ExportAsync(IQuerySession session, IReadOnlyList<OrderDetails> orders, DateTimeOffset now, CancellationToken ct)
    {
        var exported = new List<OrderDataExport>();
        foreach (var order in orders)
        {
            exported.Add(await ExportAsync(session, order, ct));
        }

        return new CustomerDataExport(now, exported);
    }

    private static async Task<OrderDataExport> ExportAsync(IQuerySession session, OrderDetails order, CancellationToken ct)
    {
        var ids = order.Shipments.Select(s => s.ShipmentId).ToArray();
        var views = (await session.LoadManyAsync<ShipmentView>(ct, ids)).ToDictionary(v => v.Id);
        var rows = (await session.Query<TimelineRow>().Where(r => r.ShipmentId.IsOneOf(ids)).ToListAsync(ct))
            .ToLookup(r => r.ShipmentId);
        var shipments = new List<ShipmentDataExport>();
        foreach (var shipment in order.Shipments)
        {
            var view = views.GetValueOrDefault(shipment.ShipmentId);
            var asked = (await session.Events.FetchStreamAsync(shipment.ShipmentId, token: ct))
                .Select(e => e.Data)
                .OfType<DeliveryChangeRecorded>()
                .ToDictionary(e => e.RequestId);
            shipments.Add(new ShipmentDataExport(
                shipment.ShipmentId,
                shipment.Carrier,
                shipment.TrackingNumber,
                shipment.Service,
                view?.Status ?? TrackingStatus.Pending,
                view?.Events.Select(ShipmentDetailsEndpoints.ToContract).ToList() ?? [],
                view?.Delays.Select(d => new DelayNotice(d.Reason, d.PreviousEstimate, d.NewEstimate, d.DetectedAt)).ToList() ?? [],
                view?.DeliveryChanges.Select(c => new DeliveryChangeExport(
                    c.RequestId, c.Kind, c.Channel, asked.GetValueOrDefault(c.RequestId)?.Details, c.State.ToString(), c.Reason, c.RequestedAt, c.AnsweredAt)).ToList() ?? [],
                rows[shipment.ShipmentId]
                    .OrderBy(r => r.At).ThenBy(r => r.RecordedAt)
                    .Select(r => new HistoryEntry(r.At, r.Kind.ToString(), r.Actor, r.Summary, r.RawCode, r.RawText))
                    .ToList()));
        }

        var customer = order.Customer;
        return new OrderDataExport(
            order.OrderNumber,
            new CustomerDetails(customer.Name, customer.Email, customer.Phone, customer.Locale, customer.TimeZone, customer.SmsOptIn, customer.EmailOptIn),
            order.DeliveryAddress,
            order.PromisedFrom,
            order.PromisedDeliveryDate,
            order.RegisteredAt,
            order.CancelledAt,
            order.CancellationReason,
            order.ErasedAt,
            shipments);
    }
}
