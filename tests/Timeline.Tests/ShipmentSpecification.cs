using Shipping.Contracts;
using Shipping.Timeline.Performance;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.Tests;

/// <summary>Given events on a shipment's stream, when a scan is recorded, then these events are decided.</summary>
internal sealed class ShipmentSpecification
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Promised = new(2026, 11, 26);
    private static readonly Guid ShipmentId = Guid.NewGuid();

    private Shipment _state;

    public ShipmentSpecification(string? customerTimeZone = null, DateOnly? promised = null, ShipmentRoute? route = null) =>
        _state = Shipment.Create(new ShipmentOpened(ShipmentId, "1001", "simulator", "SIM1", promised ?? Promised, Now.AddDays(-2), customerTimeZone, Route: route));

    public static TrackingEventObserved Scan(
        TrackingStatus status, DateTimeOffset at, DeliveryEstimate? estimate = null, string? code = null,
        TrackingSubstatus substatus = TrackingSubstatus.Unspecified)
    {
        code ??= status.ToString().ToUpperInvariant();
        return new TrackingEventObserved(
            StableIds.ForCarrierScan("simulator", "SIM1", at, code), "demo", "simulator", "SIM1",
            status, substatus, code, code, at, new EventLocation("Leipzig", "04435", "DE"), estimate, at);
    }

    public ShipmentSpecification Given(params TrackingEventObserved[] scans)
    {
        foreach (var scan in scans)
        {
            When(scan);
        }

        return this;
    }

    public IReadOnlyList<object> When(TrackingEventObserved scan) => Apply(ShipmentDecider.RecordCarrierEvent(_state, scan, Now));

    /// <summary>A scan recorded as the consumer does: with the delivery history when the decider says it may need it.</summary>
    public IReadOnlyList<object> When(TrackingEventObserved scan, DeliveryHistory history) =>
        Apply(ShipmentDecider.RecordCarrierEvent(_state, scan, Now, ShipmentDecider.NeedsHistory(_state, scan) ? history : null));

    /// <summary>The periodic delay check at <paramref name="at"/>.</summary>
    public IReadOnlyList<object> CheckAt(DateTimeOffset at, TimeSpan staleAfter) => Apply(ShipmentDecider.CheckDelays(_state, at, staleAfter));

    public IReadOnlyList<object> Ask(DeliveryChangeRequested request) => Apply(ShipmentDecider.RequestDeliveryChange(_state, request, Now));

    public IReadOnlyList<object> Answer(Guid requestId, object answer) => Apply(ShipmentDecider.RecordCarrierAnswer(_state, requestId, answer));

    public IReadOnlyList<object> Record(AlertSent alert) => Apply(ShipmentDecider.RecordAlert(_state, alert));

    public IReadOnlyList<object> Record(AlertDeliveryUpdated update) => Apply(ShipmentDecider.RecordAlertStatus(_state, update));

    private IReadOnlyList<object> Apply(IReadOnlyList<object> events)
    {
        foreach (var e in events)
        {
            _state = e switch
            {
                CarrierEventRecorded r => _state.Apply(r),
                CarrierEstimateRevised r => _state.Apply(r),
                DelayDetected d => _state.Apply(d),
                StatusChanged s => _state.Apply(s),
                DeliveryChangeRecorded r => _state.Apply(r),
                DeliveryChangeConfirmedByCarrier c => _state.Apply(c),
                DeliveryChangeRefused r => _state.Apply(r),
                ExpectedDeliveryRevised r => _state.Apply(r),
                AlertRecorded a => _state.Apply(a),
                AlertStatusRecorded a => _state.Apply(a),
                _ => throw new InvalidOperationException($"Unexpected event {e.GetType().Name}"),
            };
        }

        return events;
    }

    public Shipment State => _state;
}
