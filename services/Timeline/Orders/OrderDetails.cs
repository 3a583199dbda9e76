using Marten.Events.Aggregation;
using Shipping.Contracts;
using Shipping.Timeline.Performance;
using Shipping.Timeline.Privacy;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.Orders;

/// <summary>Read model of an order's own facts, kept inline with its stream.</summary>
public sealed class OrderDetails
{
    public Guid Id { get; set; }
    public string OrderNumber { get; set; } = "";
    public Customer Customer { get; set; } = new("", null, null, "en");
    public DateOnly? PromisedDeliveryDate { get; set; }

    /// <summary>The first day of a promised window (null when one day was promised).</summary>
    public DateOnly? PromisedFrom { get; set; }
    public PostalAddress? DeliveryAddress { get; set; }
    public List<OrderShipment> Shipments { get; set; } = [];
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancellationReason { get; set; }

    /// <summary>Set once the customer's personal data was erased (<see cref="CustomerDataErasedRecorded"/>).</summary>
    public Guid? ErasureId { get; set; }

    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>The customer's rating of the delivery (the newest), once given.</summary>
    public Contracts.Api.DeliveryRating? Rating { get; set; }

    /// <summary>Marten's stream version, for optimistic concurrency on the order stream.</summary>
    public int Version { get; set; }

    /// <summary>Order streams are keyed by order number within a tenant (Marten's conjoined tenancy scopes ids).</summary>
    public static Guid IdFor(string orderNumber) => StableIds.From("order", orderNumber);

    /// <summary>The first events of a shipment of this order: its route known by postcode regions only, no personal data.</summary>
    /// <param name="history">The tenant's delivery history for the shipment's route, when loaded: a prediction from it beats the promise.</param>
    public IReadOnlyList<object> OpenShipment(OrderShipment shipment, DateTimeOffset now, DeliveryHistory? history = null) =>
        OpenShipment(OrderNumber, Customer, PromisedDeliveryDate, PromisedFrom, DeliveryAddress, shipment, now, history);

    public static IReadOnlyList<object> OpenShipment(
        string orderNumber, Customer customer, DateOnly? promised, DateOnly? promisedFrom, PostalAddress? address, OrderShipment shipment, DateTimeOffset now,
        DeliveryHistory? history = null) =>
        ShipmentDecider.Open(
            new ShipmentOpened(
                shipment.ShipmentId, orderNumber, shipment.Carrier, shipment.TrackingNumber, promised, now, customer.TimeZone, promisedFrom,
                RouteOf(shipment, address)),
            history);

    /// <summary>A shipment's route: its service, and the postcode regions of its origin and of the delivery address.</summary>
    public static ShipmentRoute RouteOf(OrderShipment shipment, PostalAddress? address) => new(
        shipment.Service,
        PostcodeRegions.Of(shipment.Origin?.CountryCode, shipment.Origin?.PostalCode),
        PostcodeRegions.Of(address?.CountryCode, address?.PostalCode));
}

public sealed class OrderDetailsProjection : SingleStreamProjection<OrderDetails, Guid>
{
    public static OrderDetails Create(OrderRegistered e) => new()
    {
        OrderNumber = e.OrderNumber,
        Customer = e.Customer,
        PromisedDeliveryDate = e.PromisedDeliveryDate,
        PromisedFrom = e.PromisedFrom,
        DeliveryAddress = e.DeliveryAddress,
        Shipments = [.. e.Shipments],
        RegisteredAt = e.RegisteredAt,
    };

    public void Apply(ShipmentAddedToOrder e, OrderDetails order) => order.Shipments.Add(e.Shipment);

    public void Apply(OrderCancelled e, OrderDetails order)
    {
        order.CancelledAt = e.CancelledAt;
        order.CancellationReason = e.Reason;
    }

    public void Apply(RatingDelivery.DeliveryRated e, OrderDetails order) =>
        order.Rating = new Contracts.Api.DeliveryRating(e.Stars, e.Comment, e.RatedAt);

    /// <summary>The same masking as the stored events get, so the document is clean before (and after) they are rewritten.</summary>
    public void Apply(CustomerDataErasedRecorded e, OrderDetails order)
    {
        order.Customer = PersonalDataMasking.Mask(order.Customer);
        order.DeliveryAddress = null;
        order.Rating = order.Rating is { } rating ? PersonalDataMasking.Mask(rating) : null;
        order.ErasureId = e.ErasureId;
        order.ErasedAt = e.ErasedAt;
    }
}
