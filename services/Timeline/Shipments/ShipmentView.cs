using Marten.Events.Aggregation;
using Marten.Metadata;
using Shipping.Contracts;

namespace Shipping.Timeline.Shipments;

/// <summary>Read model of a shipment with its whole carrier timeline in time order, kept inline with its stream.</summary>
public sealed class ShipmentView : ITenanted
{
    public Guid Id { get; set; }

    /// <summary>Filled by Marten (conjoined tenancy), so a scan across tenants knows whose shipment it found.</summary>
    public string? TenantId { get; set; }
    public string OrderNumber { get; set; } = "";
    public string Carrier { get; set; } = "";
    public string TrackingNumber { get; set; } = "";
    public DateOnly? PromisedDeliveryDate { get; set; }

    /// <summary>The first day of a promised window, if one was promised.</summary>
    public DateOnly? PromisedFrom { get; set; }

    /// <summary>Service and postcode regions (no personal data).</summary>
    public ShipmentRoute? Route { get; set; }
    public TrackingStatus Status { get; set; } = TrackingStatus.Pending;
    public TrackingSubstatus Substatus { get; set; }
    public DeliveryEstimate? CarrierEstimate { get; set; }
    public DateTimeOffset? LastEventAt { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>When the parcel last moved, or was registered: what the stale-tracking scan looks at.</summary>
    public DateTimeOffset LastMovementAt { get; set; }
    public List<TimelineEntry> Events { get; set; } = [];
    public List<DelayEntry> Delays { get; set; } = [];
    public DateTimeOffset? CancelledAt { get; set; }
    public List<DeliveryChangeEntry> DeliveryChanges { get; set; } = [];

    /// <summary>The expected delivery now, with its source and confidence.</summary>
    public ExpectedDeliveryEntry? ExpectedDelivery { get; set; }

    /// <summary>Every alert sent about the shipment, oldest first, with its delivery status.</summary>
    public List<AlertEntry> Alerts { get; set; } = [];

    /// <summary>Every revision of the expected delivery, oldest first.</summary>
    public List<ExpectedDeliveryEntry> ExpectedDeliveryRevisions { get; set; } = [];

    /// <summary>The customer's IANA zone: which dates are still in the future for them.</summary>
    public string? CustomerTimeZone { get; set; }

    /// <summary>The carrier's newest offer of delivery dates and parcel shops, if it made one.</summary>
    public OfferingDeliveryOptions.DeliveryOptionsRecorded? CarrierOffer { get; set; }

    /// <summary>Shipment streams are keyed by order, carrier and tracking number within a tenant.</summary>
    public static Guid IdFor(string orderNumber, string carrier, string trackingNumber) =>
        StableIds.From("shipment", orderNumber, carrier, trackingNumber);
}

public sealed record TimelineEntry(
    Guid EventId, TrackingStatus Status, TrackingSubstatus Substatus, string RawCode, string Description,
    DateTimeOffset OccurredAt, EventLocation? Location, DeliveryEstimate? CarrierEstimate);

/// <summary>A delivery change asked for, and where it stands (Pending, Confirmed, Refused), with the reason of a refusal.</summary>
public sealed record DeliveryChangeEntry(
    Guid RequestId, DeliveryChangeKind Kind, DeliveryChangeChannel? Channel, DeliveryChangeState State, string? Reason, string? SelfServiceUrl,
    string? CarrierReference, DateTimeOffset RequestedAt, DateTimeOffset? AnsweredAt);

public sealed record ExpectedDeliveryEntry(DeliveryEstimate Estimate, EstimateSource Source, EstimateConfidence Confidence, DateTimeOffset RevisedAt);

public sealed record AlertEntry(
    Guid AlertId, AlertChannel Channel, string Trigger, string Template, string Language, string? ProviderMessageId, DateTimeOffset SentAt,
    AlertDeliveryStatus? Status, string? ErrorCode, DateTimeOffset? StatusAt);

public sealed record DelayEntry(DelayReason Reason, DeliveryEstimate? PreviousEstimate, DeliveryEstimate? NewEstimate, DateTimeOffset DetectedAt);

public sealed class ShipmentViewProjection : SingleStreamProjection<ShipmentView, Guid>
{
    public static ShipmentView Create(ShipmentOpened e) => new()
    {
        Id = e.ShipmentId,
        OrderNumber = e.OrderNumber,
        Carrier = e.Carrier,
        TrackingNumber = e.TrackingNumber,
        PromisedDeliveryDate = e.PromisedDeliveryDate,
        PromisedFrom = e.PromisedFrom,
        Route = e.Route,
        OpenedAt = e.OpenedAt,
        LastMovementAt = e.OpenedAt,
        CustomerTimeZone = e.CustomerTimeZone,
    };

    /// <summary>Applies any event of a shipment's stream, as the inline projection does: for views as of a past moment.</summary>
    public void ApplyAny(object e, ShipmentView view)
    {
        switch (e)
        {
            case CarrierEventRecorded x: Apply(x, view); break;
            case CarrierEstimateRevised x: Apply(x, view); break;
            case ShipmentCancelled x: Apply(x, view); break;
            case ExpectedDeliveryRevised x: Apply(x, view); break;
            case DeliveryChangeRecorded x: Apply(x, view); break;
            case DeliveryChangeConfirmedByCarrier x: Apply(x, view); break;
            case DeliveryChangeRefused x: Apply(x, view); break;
            case AlertRecorded x: Apply(x, view); break;
            case AlertStatusRecorded x: Apply(x, view); break;
            case DelayDetected x: Apply(x, view); break;
            case OfferingDeliveryOptions.DeliveryOptionsRecorded x: Apply(x, view); break;
        }
    }

    public void Apply(CarrierEventRecorded e, ShipmentView view)
    {
        var entry = new TimelineEntry(e.EventId, e.Status, e.Substatus, e.RawCode, e.RawDescription, e.OccurredAt, e.Location, e.CarrierEstimate);
        var order = ScanOrder.Of(e);
        var index = view.Events.FindIndex(x => new ScanOrder(x.OccurredAt, x.Status, x.EventId) > order);
        view.Events.Insert(index < 0 ? view.Events.Count : index, entry);

        var newest = view.Events[^1];
        view.Status = newest.Status;
        view.Substatus = newest.Substatus;
        view.LastEventAt = newest.OccurredAt;
        view.LastMovementAt = newest.OccurredAt;
    }

    public void Apply(CarrierEstimateRevised e, ShipmentView view) => view.CarrierEstimate = e.Current;

    public void Apply(ShipmentCancelled e, ShipmentView view) => view.CancelledAt = e.CancelledAt;

    public void Apply(ExpectedDeliveryRevised e, ShipmentView view)
    {
        var entry = new ExpectedDeliveryEntry(e.Estimate, e.Source, e.Confidence, e.RevisedAt);
        view.ExpectedDelivery = entry;
        view.ExpectedDeliveryRevisions.Add(entry);
    }

    public void Apply(DeliveryChangeRecorded e, ShipmentView view) =>
        view.DeliveryChanges.Add(new DeliveryChangeEntry(e.RequestId, e.Kind, e.Channel, DeliveryChangeState.Pending, null, null, null, e.RequestedAt, null));

    public void Apply(DeliveryChangeConfirmedByCarrier e, ShipmentView view) =>
        Answer(view, e.RequestId, entry => entry with { State = DeliveryChangeState.Confirmed, CarrierReference = e.CarrierReference, AnsweredAt = e.ConfirmedAt });

    public void Apply(DeliveryChangeRefused e, ShipmentView view)
    {
        if (view.DeliveryChanges.All(c => c.RequestId != e.RequestId))
        {
            // Refused on arrival (no longer allowed): it was never pending.
            view.DeliveryChanges.Add(new DeliveryChangeEntry(e.RequestId, e.Kind, e.Channel, DeliveryChangeState.Refused, e.Reason, e.SelfServiceUrl, null, e.RefusedAt, e.RefusedAt));
            return;
        }

        Answer(view, e.RequestId, entry => entry with { State = DeliveryChangeState.Refused, Reason = e.Reason, SelfServiceUrl = e.SelfServiceUrl, AnsweredAt = e.RefusedAt });
    }

    private static void Answer(ShipmentView view, Guid requestId, Func<DeliveryChangeEntry, DeliveryChangeEntry> answer)
    {
        var index = view.DeliveryChanges.FindIndex(c => c.RequestId == requestId);
        if (index >= 0)
        {
            view.DeliveryChanges[index] = answer(view.DeliveryChanges[index]);
        }
    }

    public void Apply(AlertRecorded e, ShipmentView view)
    {
        var index = view.Alerts.FindIndex(a => a.AlertId == e.AlertId);
        var entry = new AlertEntry(e.AlertId, e.Channel, e.Trigger, e.Template, e.Language, e.ProviderMessageId, e.SentAt, null, null, null);
        if (index < 0)
        {
            view.Alerts.Add(entry);
        }
        else
        {
            // A status report arrived first: keep it.
            view.Alerts[index] = entry with { Status = view.Alerts[index].Status, ErrorCode = view.Alerts[index].ErrorCode, StatusAt = view.Alerts[index].StatusAt };
        }
    }

    public void Apply(AlertStatusRecorded e, ShipmentView view)
    {
        var index = view.Alerts.FindIndex(a => a.AlertId == e.AlertId);
        if (index < 0)
        {
            view.Alerts.Add(new AlertEntry(e.AlertId, e.Channel, "", "", "", null, e.At, e.Status, e.ErrorCode, e.At));
        }
        else if (view.Alerts[index].StatusAt is not { } at || e.At >= at)
        {
            view.Alerts[index] = view.Alerts[index] with { Status = e.Status, ErrorCode = e.ErrorCode, StatusAt = e.At };
        }
    }

    /// <summary>The newest offer wins (the decider records only newer ones; a rebuild sees them in order).</summary>
    public void Apply(OfferingDeliveryOptions.DeliveryOptionsRecorded e, ShipmentView view)
    {
        if (view.CarrierOffer is not { } current || e.OfferedAt > current.OfferedAt)
        {
            view.CarrierOffer = e;
        }
    }

    public void Apply(DelayDetected e, ShipmentView view) =>
        view.Delays.Add(new DelayEntry(e.Reason, e.PreviousEstimate, e.NewEstimate, e.DetectedAt));
}
