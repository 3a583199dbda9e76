using JasperFx.Events;
using Marten.Events.Projections;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.Timelines.Rows;

/// <summary>
/// One line of a shipment's history, as support sees it: what happened, when, and who or what said so. One row per
/// stored fact, keyed by the event's id, written inline with the event.
/// </summary>
public sealed class TimelineRow
{
    public Guid Id { get; set; }

    /// <summary>The shipment it is about; <see cref="Guid.Empty"/> for a fact about the whole order.</summary>
    public Guid ShipmentId { get; set; }

    /// <summary>Set for facts on the order's own stream (agents' notes, the customer's rating): the order's id.</summary>
    public Guid? OrderId { get; set; }

    /// <summary>When it happened: the carrier's time for a scan (with its offset), the moment it was recorded otherwise.</summary>
    public DateTimeOffset At { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
    public TimelineRowKind Kind { get; set; }

    /// <summary>Who said so: <c>carrier:dhl</c>, <c>platform</c>, <c>customer:sms</c>, <c>retailer</c>, …</summary>
    public string Actor { get; set; } = "";

    public string Summary { get; set; } = "";

    /// <summary>The carrier's own code and text, for scans.</summary>
    public string? RawCode { get; set; }

    public string? RawText { get; set; }
}

/// <summary>Timeline rows, inline: every fact on a shipment's stream becomes one row.</summary>
public sealed partial class TimelineRowProjection : EventProjection
{
    public TimelineRow Create(IEvent<ShipmentOpened> e) =>
        Row(e, TimelineRowKind.Registered, e.Data.OpenedAt, "retailer", $"Shipment registered with {e.Data.Carrier}, tracking number {e.Data.TrackingNumber}.");

    public TimelineRow Create(IEvent<CarrierEventRecorded> e)
    {
        var row = Row(e, TimelineRowKind.CarrierScan, e.Data.OccurredAt, "carrier", $"{e.Data.Status}" +
            (e.Data.Substatus == TrackingSubstatus.Unspecified ? "" : $" ({e.Data.Substatus})") +
            (e.Data.Location?.City is { } city ? $" in {city}" : ""));
        row.RawCode = e.Data.RawCode;
        row.RawText = e.Data.RawDescription;
        return row;
    }

    public TimelineRow Create(IEvent<ExpectedDeliveryRevised> e) =>
        Row(e, TimelineRowKind.ExpectedDelivery, e.Data.RevisedAt, "platform",
            $"Expected delivery {e.Data.Estimate.Date:yyyy-MM-dd}" +
            (e.Data.Estimate.LastDay > e.Data.Estimate.Date ? $" to {e.Data.Estimate.LastDay:yyyy-MM-dd}" : "") +
            $" ({e.Data.Source}, {e.Data.Confidence} confidence).");

    public TimelineRow Create(IEvent<DelayDetected> e) =>
        Row(e, TimelineRowKind.Delay, e.Data.DetectedAt, "platform", $"Delay detected: {e.Data.Reason}.");

    public TimelineRow Create(IEvent<DeliveryChangeRecorded> e) =>
        Row(e, TimelineRowKind.DeliveryChangeRequested, e.Data.RequestedAt, RequesterOf(e.Data.Channel, e.Data.RequestedBy),
            $"Delivery change asked for: {e.Data.Kind}.");

    /// <summary>Who asked: the agent (or whoever <c>RequestedBy</c> names), else the customer by their channel.</summary>
    public static string RequesterOf(DeliveryChangeChannel channel, string? requestedBy) =>
        !string.IsNullOrWhiteSpace(requestedBy) ? requestedBy.Trim()
        : channel == DeliveryChangeChannel.SupportAgent ? "agent"
        : $"customer:{channel.ToString().ToLowerInvariant()}";

    public TimelineRow Create(IEvent<Shipments.OfferingDeliveryOptions.DeliveryOptionsRecorded> e) =>
        Row(e, TimelineRowKind.DeliveryOptionsOffered, e.Data.OfferedAt, "carrier",
            $"The carrier offers {e.Data.Dates.Count} delivery date(s)" +
            (e.Data.Dates.Count > 0 ? $" ({e.Data.Dates.Min():yyyy-MM-dd} to {e.Data.Dates.Max():yyyy-MM-dd})" : "") +
            $" and {e.Data.Shops.Count} parcel shop(s).");

    public TimelineRow Create(IEvent<DeliveryChangeConfirmedByCarrier> e) =>
        Row(e, TimelineRowKind.DeliveryChangeConfirmed, e.Data.ConfirmedAt, "carrier", "The carrier confirmed the delivery change.");

    public TimelineRow Create(IEvent<DeliveryChangeRefused> e) =>
        Row(e, TimelineRowKind.DeliveryChangeRefused, e.Data.RefusedAt, e.Data.ByCarrier ? "carrier" : "platform", $"Delivery change refused: {e.Data.Reason}");

    public TimelineRow Create(IEvent<ShipmentCancelled> e) =>
        Row(e, TimelineRowKind.Cancelled, e.Data.CancelledAt, "retailer", "The order was cancelled.");

    public TimelineRow Create(IEvent<AlertRecorded> e) =>
        Row(e, TimelineRowKind.AlertSent, e.Data.SentAt, "notifications",
            $"{(e.Data.Channel == AlertChannel.Sms ? "SMS" : "Email")} alert sent: {e.Data.Trigger} (template {e.Data.Template}, {e.Data.Language}).");

    public TimelineRow Create(IEvent<AlertStatusRecorded> e) =>
        Row(e, TimelineRowKind.AlertStatus, e.Data.At, e.Data.Channel == AlertChannel.Sms ? "provider:twilio" : "provider:smtp",
            $"{(e.Data.Channel == AlertChannel.Sms ? "SMS" : "Email")} alert {e.Data.Status.ToString().ToLowerInvariant()}" +
            (e.Data.ErrorCode is { } code ? $" (error {code})." : "."));

    public TimelineRow Create(IEvent<Privacy.ShipmentPersonalDataErased> e) =>
        Row(e, TimelineRowKind.PersonalDataErased, e.Data.ErasedAt, "retailer", "The customer's personal data was erased on request.");

    public TimelineRow Create(IEvent<Orders.AddingNote.AgentNoteAdded> e)
    {
        var row = Row(e, TimelineRowKind.AgentNote, e.Data.At, $"agent:{e.Data.AgentName}", NoteSummary(e.Data.Text));
        row.ShipmentId = e.Data.ShipmentId ?? Guid.Empty;
        row.OrderId = e.StreamId;
        return row;
    }

    public TimelineRow Create(IEvent<Orders.RatingDelivery.DeliveryRated> e)
    {
        var row = Row(e, TimelineRowKind.CustomerRating, e.Data.RatedAt, "customer", RatingSummary(e.Data.Stars, e.Data.Comment));
        row.ShipmentId = Guid.Empty;
        row.OrderId = e.StreamId;
        return row;
    }

    public static string NoteSummary(string text) => $"Note: {text}";

    public static string RatingSummary(int stars, string? comment) =>
        $"The customer rated the delivery {stars} of 5 stars" + (comment is null ? "." : $": {comment}");

    private static TimelineRow Row(IEvent e, TimelineRowKind kind, DateTimeOffset at, string actor, string summary) => new()
    {
        Id = e.Id,
        ShipmentId = e.StreamId,
        At = at,
        RecordedAt = e.Timestamp,
        Kind = kind,
        Actor = actor,
        Summary = summary,
    };

}
