using System.Globalization;
using Shipping.Carriers.Normalising;
using Shipping.Carriers.Time;
using Shipping.Contracts;

namespace Shipping.Carriers.Simulator.Webhooks;

/// <summary>Turns the simulator's webhook payload into canonical scans, or says what is wrong with it.</summary>
public sealed class SimulatorNormaliser(ILogger<SimulatorNormaliser> logger)
{
    public static readonly IReadOnlyDictionary<string, CanonicalStatus> Codes =
        new Dictionary<string, CanonicalStatus>(StringComparer.OrdinalIgnoreCase)
        {
            ["LABEL_CREATED"] = new(TrackingStatus.InfoReceived),
            ["PICKED_UP"] = new(TrackingStatus.InTransit, TrackingSubstatus.PickedUp),
            ["IN_TRANSIT"] = new(TrackingStatus.InTransit),
            ["DEPARTED"] = new(TrackingStatus.InTransit, TrackingSubstatus.Departed),
            ["ARRIVED"] = new(TrackingStatus.InTransit, TrackingSubstatus.Arrived),
            ["CUSTOMS_CLEARED"] = new(TrackingStatus.InTransit, TrackingSubstatus.CustomsCleared),
            ["OUT_FOR_DELIVERY"] = new(TrackingStatus.OutForDelivery),
            ["ATTEMPT_FAILED"] = new(TrackingStatus.AttemptFail, TrackingSubstatus.NobodyHome),
            ["ADDRESS_ISSUE"] = new(TrackingStatus.AttemptFail, TrackingSubstatus.AddressIssue),
            ["AVAILABLE_FOR_PICKUP"] = new(TrackingStatus.AvailableForPickup, TrackingSubstatus.AtParcelShop),
            ["DELIVERED"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToRecipient),
            ["DELIVERED_NEIGHBOUR"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToNeighbour),
            ["DELIVERED_SAFE_PLACE"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToSafePlace),
            ["DELIVERED_LOCKER"] = new(TrackingStatus.Delivered, TrackingSubstatus.ToLocker),
            ["EXCEPTION"] = new(TrackingStatus.Exception),
            ["DAMAGED"] = new(TrackingStatus.Exception, TrackingSubstatus.Damaged),
            ["LOST"] = new(TrackingStatus.Exception, TrackingSubstatus.Lost),
            ["CUSTOMS_HOLD"] = new(TrackingStatus.Exception, TrackingSubstatus.CustomsHold),
            ["DELAYED"] = new(TrackingStatus.Exception, TrackingSubstatus.Delayed),
            ["RETURN_TO_SENDER"] = new(TrackingStatus.ReturnToSender),
        };

    private readonly CodeMapping _mapping = new(
        SimulatorOptions.Carrier, Codes, new CanonicalStatus(TrackingStatus.InTransit), logger);

    /// <summary>
    /// The scans in the payload, in the order given. The payload's <c>estimatedDelivery</c> is the carrier's
    /// estimate as of its newest event, so it goes on that one.
    /// </summary>
    public NormalisedScans Normalise(SimulatorWebhookPayload payload)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(payload.TrackingNumber))
        {
            errors["trackingNumber"] = ["A tracking number is required."];
        }

        if (payload.Events is not { Count: > 0 })
        {
            errors["events"] = ["At least one event is required."];
        }

        DeliveryEstimate? estimate = null;
        if (payload.EstimatedDelivery is { Length: > 0 } estimatedText)
        {
            if (DateOnly.TryParseExact(estimatedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                estimate = new DeliveryEstimate(date);
            }
            else
            {
                errors["estimatedDelivery"] = ["Must be a date written yyyy-MM-dd."];
            }
        }

        var parsed = new List<(SimulatorEvent Event, DateTimeOffset At, EventLocation? Location)>();
        for (var i = 0; i < (payload.Events?.Count ?? 0); i++)
        {
            var e = payload.Events![i];
            if (e is null)
            {
                errors[$"events[{i}]"] = ["An event is required."];
                continue;
            }

            if (string.IsNullOrWhiteSpace(e.Code))
            {
                errors[$"events[{i}].code"] = ["A status code is required."];
            }

            var location = e.Location is null ? null : new EventLocation(e.Location.City, e.Location.PostalCode, e.Location.Country?.ToUpperInvariant());
            if (string.IsNullOrWhiteSpace(e.At))
            {
                errors[$"events[{i}].at"] = ["The event time is required."];
                continue;
            }

            try
            {
                parsed.Add((e, CarrierTime.Parse(e.At, location), location));
            }
            catch (FormatException ex)
            {
                errors[$"events[{i}].at"] = [ex.Message];
            }
        }

        if (errors.Count > 0)
        {
            return NormalisedScans.Invalid(errors);
        }

        var newest = parsed.MaxBy(p => p.At).At;
        var scans = parsed.Select(p =>
        {
            var code = p.Event.Code!.Trim();
            var canonical = _mapping.Map(code);
            return CarrierScan.Create(
                SimulatorOptions.Carrier, payload.TrackingNumber!, canonical.Status, canonical.Substatus,
                code, p.Event.Description ?? code, p.At, p.Location, p.At == newest ? estimate : null);
        }).ToList();
        return NormalisedScans.Valid(scans);
    }
}
