using Shipping.Contracts;
using Shipping.Timeline.Performance;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.Tests.Performance;

/// <summary>
/// The projection's fold, page by page against an in-memory copy of its documents: what the async daemon does, minus the database.
/// </summary>
public class DeliveryPerformanceProjectionTests
{
    private const string ExactKey = "dhl|express|DE-04|DE-80";
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private readonly Dictionary<Guid, DeliveryTransit> _transits = [];
    private readonly Dictionary<string, DeliveryPerformance> _stats = [];

    private static ShipmentOpened Opened(Guid id, ShipmentRoute? route = null) =>
        new(id, "1001", "dhl", "JJD1", null, new DateTimeOffset(2026, 11, 1, 9, 0, 0, Cet), Route: route ?? new ShipmentRoute("express", "DE-04", "DE-80"));

    private static CarrierEventRecorded Scan(TrackingStatus status, DateTimeOffset at) =>
        new(StableIds.ForCarrierScan("dhl", "JJD1", at, status.ToString()), status, TrackingSubstatus.Unspecified, status.ToString(), "", at, null, null, at);

    private static DateTimeOffset Nov(int day, int hour, int minute = 0, TimeSpan? offset = null) => new(2026, 11, day, hour, minute, 0, offset ?? Cet);

    /// <summary>One page of events, all of shipment <paramref name="id"/>.</summary>
    private void Page(Guid id, params object[] events)
    {
        var (_, deltas) = DeliveryPerformanceProjection.Fold(_transits, events.Select(e => (id, e)));
        DeliveryPerformanceProjection.Count(_stats, deltas);
    }

    private DeliveryPerformance Exact => _stats[ExactKey];

    [Fact]
    public void RouteHandoverAndDelivery_InSeparatePages_CountOnceUnderEveryKey()
    {
        var id = Guid.NewGuid();

        Page(id, Opened(id));
        Page(id, Scan(TrackingStatus.InfoReceived, Nov(1, 10)));
        Page(id, Scan(TrackingStatus.InTransit, Nov(2, 8)), Scan(TrackingStatus.InTransit, Nov(3, 8)));
        Page(id, Scan(TrackingStatus.Delivered, Nov(5, 14)));

        Assert.Equal(["dhl|*|*|*", "dhl|express|*|*", "dhl|express|*|DE-80", ExactKey], _stats.Keys.Order());
        Assert.All(_stats.Values, s => Assert.Equal((1, 3), (s.Count, s.MedianDays())));
    }

    [Fact]
    public void TransitDays_AreBetweenTheLocalDatesOfTheScans()
    {
        var id = Guid.NewGuid();

        // In UTC both are on 2 and 3 November (1 day); where they happened it is 2 and 4 November.
        Page(id, Opened(id), Scan(TrackingStatus.InTransit, Nov(2, 23, 30)), Scan(TrackingStatus.Delivered, Nov(4, 0, 30)));

        Assert.Equal(2, Exact.MedianDays());
    }

    [Fact]
    public void TheSameDeliveryTwice_OrASecondDeliveredScan_CountsOnce()
    {
        var id = Guid.NewGuid();
        Page(id, Opened(id), Scan(TrackingStatus.InTransit, Nov(2, 8)), Scan(TrackingStatus.Delivered, Nov(4, 9)));

        Page(id, Scan(TrackingStatus.Delivered, Nov(4, 9)));
        Page(id, Scan(TrackingStatus.Delivered, Nov(4, 9)), Scan(TrackingStatus.Delivered, Nov(4, 12)));

        Assert.Equal((1, 2), (Exact.Count, Exact.MedianDays()));
    }

    [Fact]
    public void ALateOlderHandoverScan_MovesTheShipmentsBucket_WithoutCountingItAgain()
    {
        var id = Guid.NewGuid();
        Page(id, Opened(id), Scan(TrackingStatus.InTransit, Nov(3, 8)), Scan(TrackingStatus.Delivered, Nov(4, 9)));

        Page(id, Scan(TrackingStatus.InTransit, Nov(1, 18)));

        Assert.Equal((1, 3), (Exact.Count, Exact.MedianDays()));
        Assert.Equal(0, Exact.TransitDays[1]);
    }

    [Fact]
    public void AReturnReusingTheTrackingNumber_IsNotASecondDelivery()
    {
        var id = Guid.NewGuid();
        Page(id, Opened(id), Scan(TrackingStatus.InTransit, Nov(2, 8)), Scan(TrackingStatus.Delivered, Nov(3, 9)));

        Page(id, Scan(TrackingStatus.ReturnToSender, Nov(10, 9)), Scan(TrackingStatus.InTransit, Nov(11, 9)), Scan(TrackingStatus.Delivered, Nov(14, 9)));

        Assert.Equal((1, 1), (Exact.Count, Exact.MedianDays()));
    }

    [Fact]
    public void ADeliveryBackToTheSender_IsNotCounted_EvenWhenTheReturnScanArrivesLate()
    {
        var id = Guid.NewGuid();
        Page(id, Opened(id), Scan(TrackingStatus.InTransit, Nov(2, 8)), Scan(TrackingStatus.Delivered, Nov(9, 9)));
        Assert.Equal(1, Exact.Count);

        Page(id, Scan(TrackingStatus.ReturnToSender, Nov(5, 9)));

        Assert.All(_stats.Values, s => Assert.Equal(0, s.Count));
        Assert.Null(_transits[id].Counted);
    }

    [Fact]
    public void ADeliveryWithoutAnEarlierScanInTheCarriersHands_IsNotCounted()
    {
        var id = Guid.NewGuid();

        Page(id, Opened(id), Scan(TrackingStatus.InfoReceived, Nov(1, 10)), Scan(TrackingStatus.Delivered, Nov(4, 9)));

        Assert.Empty(_stats);
        Assert.Null(_transits[id].Counted);
    }

    [Fact]
    public void ScansBeforeTheShipmentIsKnown_CountOnceItsRouteArrives()
    {
        var id = Guid.NewGuid();
        Page(id, Scan(TrackingStatus.InTransit, Nov(2, 8)), Scan(TrackingStatus.Delivered, Nov(4, 9)));
        Assert.Empty(_stats);

        Page(id, Opened(id));

        Assert.Equal(1, Exact.Count);
    }

    [Fact]
    public void ShipmentsWithoutAService_CountOnlyForTheCarrier()
    {
        var id = Guid.NewGuid();

        Page(id, Opened(id, new ShipmentRoute(null, "DE-04", "DE-80")), Scan(TrackingStatus.InTransit, Nov(2, 8)), Scan(TrackingStatus.Delivered, Nov(4, 9)));

        Assert.Equal(["dhl|*|*|*"], _stats.Keys);
    }
}
