using Shipping.Contracts;
using Shipping.Timeline.Shipments;
using Shipping.Timeline.Shipments.RecordingCarrierEvent;
using static Shipping.Timeline.Tests.ShipmentSpecification;

namespace Shipping.Timeline.Tests;

/// <summary>
/// Given a shipment, when scans arrive together in one batch, then the batch decides exactly the events the same scans
/// one message at a time would have.
/// </summary>
public class CarrierScanBatchDecisionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 7, 0, 0, TimeSpan.FromHours(1));

    private static readonly TrackingEventObserved[] Journey =
    [
        Scan(TrackingStatus.InfoReceived, Start),
        Scan(TrackingStatus.InTransit, Start.AddHours(2), new DeliveryEstimate(Promised), substatus: TrackingSubstatus.PickedUp),
        Scan(TrackingStatus.Exception, Start.AddHours(9), new DeliveryEstimate(Promised.AddDays(1)), code: "DELAYED"),
        Scan(TrackingStatus.OutForDelivery, Start.AddDays(1)),
        Scan(TrackingStatus.Delivered, Start.AddDays(1).AddHours(4)),
    ];

    [Fact]
    public void AnyOrderOfScansWithDuplicates_InOneBatch_DecidesWhatOneAtATimeWould()
    {
        var random = new Random(4);
        for (var round = 0; round < 200; round++)
        {
            var scans = Journey.OrderBy(_ => random.Next()).ToList();
            scans.Insert(random.Next(scans.Count + 1), Journey[random.Next(Journey.Length)]);
            var oneAtATime = new ShipmentSpecification();
            var before = oneAtATime.State;
            var expected = scans.SelectMany(oneAtATime.When).ToList();

            var batch = CarrierScanRecorder.Decide(before, scans, Now, history: null);

            Assert.Equal(expected, batch);
        }
    }

    [Fact]
    public void DuplicateInOneBatch_IsRecordedOnce()
    {
        var shipment = new ShipmentSpecification().State;

        var events = CarrierScanRecorder.Decide(shipment, [Journey[1], Journey[1]], Now, history: null);

        Assert.Single(events.OfType<CarrierEventRecorded>());
    }

    [Fact]
    public void OlderScanAfterANewerOneInOneBatch_ChangesTheStatusOnce_ToTheNewest()
    {
        var shipment = new ShipmentSpecification().State;

        var events = CarrierScanRecorder.Decide(shipment, [Journey[4], Journey[1]], Now, history: null);

        Assert.Equal(2, events.OfType<CarrierEventRecorded>().Count());
        var change = Assert.Single(events.OfType<StatusChanged>());
        Assert.Equal(TrackingStatus.Delivered, change.Status);
    }

    [Fact]
    public void ScanAlreadyOnTheStream_DecidesNothing()
    {
        var spec = new ShipmentSpecification().Given(Journey[0], Journey[1]);

        Assert.Empty(CarrierScanRecorder.Decide(spec.State, [Journey[1], Journey[0]], Now, history: null));
    }
}
