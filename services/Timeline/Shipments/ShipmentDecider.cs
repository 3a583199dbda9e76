using Shipping.Contracts;
using Shipping.Timeline.Performance;

namespace Shipping.Timeline.Shipments;

/// <summary>Pure decisions on a shipment: state + command + time in, events out.</summary>
public static class ShipmentDecider
{
    /// <summary>
    /// A new shipment's first events: it is opened, and its first expected delivery is the best there is before any scan
    /// (Carrier > History > Promised): the prediction from <paramref name="history"/> for its route from the registration
    /// day when there is one, else the promised date or window, else none yet.
    /// </summary>
    public static IReadOnlyList<object> Open(ShipmentOpened opened, DeliveryHistory? history = null)
    {
        var registered = Shipment.RegistrationDay(opened.OpenedAt, opened.CustomerTimeZone);
        if (history?.Predict(opened.Carrier, opened.Route, registered) is { } predicted)
        {
            return [opened, new ExpectedDeliveryRevised(predicted.Estimate, EstimateSource.History, predicted.Confidence, opened.OpenedAt)];
        }

        return opened.PromisedDeliveryDate is { } promised
            ? [opened, new ExpectedDeliveryRevised(
                opened.PromisedFrom is { } from && from < promised ? new DeliveryEstimate(from, LatestDate: promised) : new DeliveryEstimate(promised),
                EstimateSource.Promised, EstimateConfidence.Low, opened.OpenedAt)]
            : [opened];
    }

    /// <summary>
    /// Whether recording <paramref name="scan"/> could revise the expected delivery from history, so the caller loads the
    /// history only then: a new scan that moves the handover earlier (or is the first), while no carrier estimate is known
    /// or comes with it.
    /// </summary>
    public static bool NeedsHistory(Shipment shipment, TrackingEventObserved scan) =>
        !shipment.RecordedEventIds.Contains(scan.EventId)
        && shipment.CarrierEstimate is null && scan.CarrierEstimate is null
        && Handover.IsInCarriersHands(scan.Status)
        && !(shipment.HandedOverAt <= scan.OccurredAt);

    /// <summary>
    /// Records a carrier scan. A scan seen before changes nothing. An older scan takes its place in the
    /// timeline without moving the status. The newest scan sets the status and may revise the estimate;
    /// either may reveal a delay (DESIGN.md, "Delays": a late carrier estimate, an Exception or AttemptFail).
    /// Without a carrier estimate, the handover (or an older scan showing an earlier one) moves the prediction from
    /// <paramref name="history"/> to the handover day; history never overrides the carrier's estimate.
    /// </summary>
    public static IReadOnlyList<object> RecordCarrierEvent(Shipment shipment, TrackingEventObserved scan, DateTimeOffset now, DeliveryHistory? history = null)
    {
        if (shipment.RecordedEventIds.Contains(scan.EventId))
        {
            return [];
        }

        var recorded = new CarrierEventRecorded(
            scan.EventId, scan.Status, scan.Substatus, scan.RawCode, scan.RawDescription,
            scan.OccurredAt, scan.Location, scan.CarrierEstimate, now);
        var events = new List<object> { recorded };
        var state = shipment.Apply(recorded);

        var isNewest = state.Newest == ScanOrder.Of(recorded);
        if (isNewest && state.Status != shipment.Status)
        {
            events.Add(new StatusChanged(shipment.Status, state.Status, state.Substatus, scan.OccurredAt, scan.EventId));
        }

        if (scan.CarrierEstimate is { } estimate
            && (state.CarrierEstimateAsOf is not { } asOf || scan.OccurredAt >= asOf)
            && estimate != state.CarrierEstimate)
        {
            var revised = new CarrierEstimateRevised(state.CarrierEstimate, estimate, scan.OccurredAt);
            events.Add(revised);
            state = state.Apply(revised);

            // The carrier's own estimate is the best there is: it becomes the expected delivery.
            var expected = new ExpectedDeliveryRevised(estimate, EstimateSource.Carrier,
                estimate.WindowStart is not null ? EstimateConfidence.High : EstimateConfidence.Medium, now);
            events.Add(expected);
            state = state.Apply(expected);
        }

        if (state.IsFinished)
        {
            return events;
        }

        if (history is not null && state.CarrierEstimate is null && state.HandedOverAt != shipment.HandedOverAt
            && history.Predict(state.Carrier, state.Route, state.JourneyStartDay) is { } predicted
            && (state.Expected is not { Source: EstimateSource.History } before || before.Estimate != predicted.Estimate))
        {
            var expected = new ExpectedDeliveryRevised(predicted.Estimate, EstimateSource.History, predicted.Confidence, now);
            events.Add(expected);
            state = state.Apply(expected);
        }

        if (state.CarrierEstimate is { } current && state.PromisedDeliveryDate is { } promised && current.Date > promised)
        {
            AnnounceOnce(ref state, DelayReason.LateCarrierEstimate, shipment.CarrierEstimate, now, events);
        }

        if (isNewest && scan.Status is TrackingStatus.Exception or TrackingStatus.AttemptFail)
        {
            AnnounceOnce(ref state, DelayReason.CarrierProblem, shipment.CarrierEstimate, now, events);
        }

        return events;
    }

    /// <summary>
    /// The delays time alone reveals (DESIGN.md, "Delays"): no movement for longer than <paramref name="staleAfter"/>
    /// while not delivered, and the promised day over without delivery. Run periodically; each is announced once.
    /// </summary>
    public static IReadOnlyList<object> CheckDelays(Shipment shipment, DateTimeOffset now, TimeSpan staleAfter)
    {
        var events = new List<object>();
        if (shipment.IsFinished)
        {
            return events;
        }

        var state = shipment;
        if (now - shipment.LastMovementAt > staleAfter)
        {
            AnnounceOnce(ref state, DelayReason.StaleTracking, shipment.CarrierEstimate, now, events);
        }

        if (shipment.PromiseExpiresAt is { } expired && now >= expired)
        {
            AnnounceOnce(ref state, DelayReason.PromisedDatePassed, shipment.CarrierEstimate, now, events);
        }

        return events;
    }

    /// <summary>
    /// A delivery change asked for: recorded (and so sent to the carrier) while the carrier still accepts changes and
    /// what it asks for is on offer — a new date among <see cref="Shipment.OfferedDates"/>, a parcel shop the carrier
    /// offered or one of the retailer's (<paramref name="retailerShopIds"/>); refused with a reason otherwise.
    /// The same request twice is one request.
    /// </summary>
    public static IReadOnlyList<object> RequestDeliveryChange(
        Shipment shipment, DeliveryChangeRequested request, DateTimeOffset now, IReadOnlyCollection<string>? retailerShopIds = null)
    {
        if (shipment.Changes.ContainsKey(request.RequestId))
        {
            return [];
        }

        var reason = shipment.DeliveryChangeRefusal ?? NotOffered(shipment, request, now, retailerShopIds ?? []);
        return reason is not null
            ? [new DeliveryChangeRefused(request.RequestId, request.Kind, reason, null, ByCarrier: false, now, request.Channel, request.RequestedBy)]
            : [new DeliveryChangeRecorded(request.RequestId, request.Kind, request.Details, request.Channel, request.RequestedAt, request.RequestedBy)];
    }

    private static string? NotOffered(Shipment shipment, DeliveryChangeRequested request, DateTimeOffset now, IReadOnlyCollection<string> retailerShopIds)
    {
        switch (request.Kind)
        {
            case DeliveryChangeKind.NewDate:
                var dates = shipment.OfferedDates(now);
                return request.Details.Date is { } date && dates.Contains(date)
                    ? null
                    : $"{(request.Details.Date is { } asked ? $"Delivery on {asked:yyyy-MM-dd}" : "A delivery date")} is not offered for this parcel; " +
                      $"the dates offered are {string.Join(", ", dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}.";
            case DeliveryChangeKind.ParcelShop:
                var id = request.Details.ParcelShopId?.Trim();
                return id is { Length: > 0 } && ((shipment.Offer?.Shops.Any(s => s.Id == id) ?? false) || retailerShopIds.Contains(id))
                    ? null
                    : "That parcel shop is not one offered for this parcel; choose one of the parcel shops offered.";
            default:
                return null;
        }
    }

    /// <summary>A carrier's offer of dates and shops: recorded once, and only when newer than the one recorded.</summary>
    public static IReadOnlyList<object> RecordDeliveryOptions(Shipment shipment, DeliveryOptionsOffered offer) =>
        shipment.OfferIds?.Contains(offer.OfferId) == true || shipment.Offer?.OfferedAt >= offer.OfferedAt
            ? []
            : [new OfferingDeliveryOptions.DeliveryOptionsRecorded(offer.OfferId, [.. offer.Dates.Distinct().Order()],
                [.. offer.Shops.Select(s => s with { Source = ParcelShop.Carrier })], offer.OfferedAt)];

    /// <summary>The carrier's answer to a change that is still pending; a repeated or stray answer changes nothing.</summary>
    public static IReadOnlyList<object> RecordCarrierAnswer(Shipment shipment, Guid requestId, object answer) =>
        shipment.Changes.TryGetValue(requestId, out var state) && state == DeliveryChangeState.Pending ? [answer] : [];

    /// <summary>An alert Notifications sent about the shipment: recorded once, however often the message is delivered.</summary>
    public static IReadOnlyList<object> RecordAlert(Shipment shipment, AlertSent alert) =>
        shipment.Alerts.TryGetValue(alert.AlertId, out var known) && known.Recorded
            ? []
            : [new AlertRecorded(alert.AlertId, alert.Channel, alert.Trigger, alert.Template, alert.Language, alert.ProviderMessageId, alert.SentAt)];

    /// <summary>A provider's report on an alert: recorded once, however often and in whatever order reports are delivered.</summary>
    public static IReadOnlyList<object> RecordAlertStatus(Shipment shipment, AlertDeliveryUpdated update) =>
        shipment.Alerts.TryGetValue(update.AlertId, out var known) && known.HasReported(update.Status, update.At)
            ? []
            : [new AlertStatusRecorded(update.AlertId, update.Channel, update.Status, update.ErrorCode, update.At)];

    /// <summary>Each reason once per shipment, and again only when the estimate has moved by a day or more since.</summary>
    private static void AnnounceOnce(ref Shipment state, DelayReason reason, DeliveryEstimate? before, DateTimeOffset now, List<object> events)
    {
        var estimateNow = state.CarrierEstimate;
        if (state.AnnouncedDelays.TryGetValue(reason, out var announcedWith) && !MovedByADayOrMore(announcedWith, estimateNow))
        {
            return;
        }

        var detected = new DelayDetected(reason, state.PromisedDeliveryDate, announcedWith ?? before, estimateNow, now);
        events.Add(detected);
        state = state.Apply(detected);
    }

    private static bool MovedByADayOrMore(DeliveryEstimate? before, DeliveryEstimate? after) =>
        before is not null && after is not null && Math.Abs(after.DaysLaterThan(before.Date)) >= 1;
}
