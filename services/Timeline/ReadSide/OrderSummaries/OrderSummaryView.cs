using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Timeline.ReadSide.Searching;

namespace Shipping.Timeline.ReadSide.OrderSummaries;

/// <summary>
/// An order with its shipments' current state and the keys it is searched by, one document per order (id
/// <see cref="Orders.OrderDetails.IdFor"/>), per tenant. Kept by <see cref="OrderSummaryProjection"/> (async).
/// Holds the customer's contact data: personal, never logged.
/// </summary>
public sealed class OrderSummaryView
{
    public Guid Id { get; set; }
    public string OrderNumber { get; set; } = "";
    public DateOnly? PromisedDeliveryDate { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public string CustomerName { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string Locale { get; set; } = "en";
    public string? TimeZone { get; set; }
    public PostalAddress? DeliveryAddress { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>The customer's newest rating of the delivery.</summary>
    public DeliveryRating? Rating { get; set; }
    public List<OrderSummaryShipment> Shipments { get; set; } = [];

    /// <summary>Normalised, kind-prefixed keys (<see cref="SearchKeys"/>); searched by exact match, GIN-indexed.</summary>
    public List<string> SearchKeys { get; set; } = [];

    public OrderProgress Progress => ProgressOf(Shipments.Select(s => s.Status).ToList());

    public static OrderProgress ProgressOf(IReadOnlyList<TrackingStatus> statuses)
    {
        if (statuses.Any(s => s is TrackingStatus.Exception or TrackingStatus.AttemptFail or TrackingStatus.ReturnToSender or TrackingStatus.Expired))
        {
            return OrderProgress.NeedsAttention;
        }

        var delivered = statuses.Count(s => s == TrackingStatus.Delivered);
        if (statuses.Count > 0 && delivered == statuses.Count)
        {
            return OrderProgress.Delivered;
        }

        if (delivered > 0)
        {
            return OrderProgress.PartlyDelivered;
        }

        return statuses.All(s => s == TrackingStatus.Pending) ? OrderProgress.Pending : OrderProgress.InProgress;
    }

    /// <summary>Forgets the customer's name, email, phone, time zone and delivery address, and so the keys the order was found by through them.</summary>
    public void ErasePersonalData()
    {
        CustomerName = Privacy.PersonalDataMasking.ErasedName;
        Email = null;
        Phone = null;
        DeliveryAddress = null;
        TimeZone = null;
        Rating = Rating is { } rating ? Privacy.PersonalDataMasking.Mask(rating) : null;
        RefreshSearchKeys();
    }

    public void RefreshSearchKeys() =>
        SearchKeys = [.. Searching.SearchKeys.ForOrder(OrderNumber, Shipments.Select(s => s.TrackingNumber), Email, Phone, Locale)];

    public OrderSummary ToContract() => new(
        OrderNumber,
        PromisedDeliveryDate,
        RegisteredAt,
        Progress,
        Shipments.Any(s => s.Delayed),
        new CustomerContact(CustomerName, Email, Phone, Locale, TimeZone),
        Shipments.Select(s => new ShipmentSummary(s.ShipmentId, s.Carrier, s.TrackingNumber, s.Status, s.Substatus, s.CarrierEstimate, s.Delayed)).ToList(),
        CancelledAt,
        Rating,
        DeliveryAddress);
}

public sealed class OrderSummaryShipment
{
    public Guid ShipmentId { get; set; }
    public string Carrier { get; set; } = "";
    public string TrackingNumber { get; set; } = "";
    public TrackingStatus Status { get; set; } = TrackingStatus.Pending;
    public TrackingSubstatus Substatus { get; set; }
    public DeliveryEstimate? CarrierEstimate { get; set; }
    public bool Delayed { get; set; }
}
