using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Shipping.Timeline.Orders;
using Shipping.Timeline.Privacy;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.ReadSide.OrderSummaries;

/// <summary>
/// The order summary across the order's stream and its shipments' streams (async, per tenant). Order and
/// ShipmentOpened events name the order; the other shipment events are routed to their order through the
/// shipment's inline <see cref="ShipmentView"/>, which exists before the daemon sees them.
/// The status comes from StatusChanged (the decider's newest-scan rule), so a late older scan never moves it back.
/// </summary>
public sealed partial class OrderSummaryProjection : MultiStreamProjection<OrderSummaryView, Guid>
{
    public OrderSummaryProjection()
    {
        Name = "order-summary";
        Identity<OrderRegistered>(e => OrderDetails.IdFor(e.OrderNumber));
        Identity<ShipmentOpened>(e => OrderDetails.IdFor(e.OrderNumber));
        CustomGrouping(GroupShipmentEventsByOrderAsync);
    }

    private static async Task GroupShipmentEventsByOrderAsync(IQuerySession session, IReadOnlyList<IEvent> events, JasperFx.Events.Grouping.IEventGrouping<Guid> grouping)
    {
        // An order's own later events live on its stream, whose id is the summary's.
        foreach (var e in events.Where(e => e.Data is OrderCancelled or CustomerDataErasedRecorded or Orders.RatingDelivery.DeliveryRated))
        {
            grouping.AddEvent(e.StreamId, e);
        }

        var shipmentEvents = events
            .Where(e => e.Data is StatusChanged or CarrierEstimateRevised or DelayDetected)
            .ToList();
        foreach (var tenant in shipmentEvents.GroupBy(e => e.TenantId))
        {
            await using var tenantSession = session.DocumentStore.QuerySession(tenant.Key);
            var ids = tenant.Select(e => e.StreamId).Distinct().ToArray();
            var views = await tenantSession.Query<ShipmentView>()
                .Where(v => ids.Contains(v.Id))
                .Select(v => new { v.Id, v.OrderNumber })
                .ToListAsync();
            var orderOf = views.ToDictionary(v => v.Id, v => OrderDetails.IdFor(v.OrderNumber));
            foreach (var e in tenant)
            {
                if (orderOf.TryGetValue(e.StreamId, out var orderId))
                {
                    grouping.AddEvent(orderId, e);
                }
            }
        }
    }

    public void Apply(OrderRegistered e, OrderSummaryView view)
    {
        view.OrderNumber = e.OrderNumber;
        view.PromisedDeliveryDate = e.PromisedDeliveryDate;
        view.RegisteredAt = e.RegisteredAt;
        view.CustomerName = e.Customer.Name;
        view.Email = e.Customer.Email;
        view.Phone = e.Customer.Phone;
        view.Locale = e.Customer.Locale;
        view.TimeZone = e.Customer.TimeZone;
        view.DeliveryAddress = e.DeliveryAddress;
        foreach (var shipment in e.Shipments)
        {
            ShipmentOf(view, shipment.ShipmentId, shipment.Carrier, shipment.TrackingNumber);
        }

        view.RefreshSearchKeys();
    }

    public void Apply(OrderCancelled e, OrderSummaryView view) => view.CancelledAt = e.CancelledAt;

    public void Apply(CustomerDataErasedRecorded e, OrderSummaryView view) => view.ErasePersonalData();

    /// <summary>A rating after the erasure is refused, so none brings a comment back.</summary>
    public void Apply(Orders.RatingDelivery.DeliveryRated e, OrderSummaryView view) =>
        view.Rating = new Contracts.Api.DeliveryRating(e.Stars, e.Comment, e.RatedAt);

    public void Apply(ShipmentOpened e, OrderSummaryView view)
    {
        if (view.OrderNumber.Length == 0)
        {
            view.OrderNumber = e.OrderNumber;
            view.PromisedDeliveryDate = e.PromisedDeliveryDate;
        }

        ShipmentOf(view, e.ShipmentId, e.Carrier, e.TrackingNumber);
        view.RefreshSearchKeys();
    }

    public void Apply(IEvent<StatusChanged> e, OrderSummaryView view)
    {
        if (view.Shipments.Find(s => s.ShipmentId == e.StreamId) is { } shipment)
        {
            shipment.Status = e.Data.Status;
            shipment.Substatus = e.Data.Substatus;
        }
    }

    public void Apply(IEvent<CarrierEstimateRevised> e, OrderSummaryView view)
    {
        if (view.Shipments.Find(s => s.ShipmentId == e.StreamId) is { } shipment)
        {
            shipment.CarrierEstimate = e.Data.Current;
        }
    }

    public void Apply(IEvent<DelayDetected> e, OrderSummaryView view)
    {
        if (view.Shipments.Find(s => s.ShipmentId == e.StreamId) is { } shipment)
        {
            shipment.Delayed = true;
        }
    }

    private static OrderSummaryShipment ShipmentOf(OrderSummaryView view, Guid shipmentId, string carrier, string trackingNumber)
    {
        if (view.Shipments.Find(s => s.ShipmentId == shipmentId) is { } existing)
        {
            return existing;
        }

        var added = new OrderSummaryShipment { ShipmentId = shipmentId, Carrier = carrier, TrackingNumber = trackingNumber };
        view.Shipments.Add(added);
        return added;
    }
}
