using Shipping.Contracts;
using Shipping.Timeline.Shipments;
using static Shipping.Timeline.Tests.ShipmentSpecification;

namespace Shipping.Timeline.Tests;

public class OrderIndependenceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 7, 0, 0, TimeSpan.FromHours(1));

    private static readonly TrackingEventObserved[] Journey =
    [
        Scan(TrackingStatus.InfoReceived, Start),
        Scan(TrackingStatus.InTransit, Start.AddHours(2), new DeliveryEstimate(Promised), substatus: TrackingSubstatus.PickedUp),
        Scan(TrackingStatus.InTransit, Start.AddHours(9), new DeliveryEstimate(Promised.AddDays(1)), code: "ARRIVED"),
        Scan(TrackingStatus.OutForDelivery, Start.AddDays(1)),
        Scan(TrackingStatus.Delivered, Start.AddDays(1).AddHours(4)),
    ];

    [Fact]
    public void EveryPermutationWithDuplicates_GivesTheSameFinalStateAndTimeline()
    {
        var reference = Replay(Journey);
        var random = new Random(20261123);
        var tried = 0;
        foreach (var permutation in Permutations(Journey))
        {
            // Each permutation again with a random scan delivered twice more, at random places.
            var withDuplicates = permutation.ToList();
            for (var i = 0; i < 2; i++)
            {
                withDuplicates.Insert(random.Next(withDuplicates.Count + 1), Journey[random.Next(Journey.Length)]);
            }

            var result = Replay(withDuplicates);
            Assert.Equal(reference.Status, result.Status);
            Assert.Equal(reference.Substatus, result.Substatus);
            Assert.Equal(reference.CarrierEstimate, result.CarrierEstimate);
            Assert.Equal(reference.Timeline, result.Timeline);
            tried++;
        }

        Assert.Equal(120, tried);
        Assert.Equal(TrackingStatus.Delivered, reference.Status);
        Assert.Equal(Journey.Select(s => s.EventId), reference.Timeline);
    }

    private static (TrackingStatus Status, TrackingSubstatus Substatus, DeliveryEstimate? CarrierEstimate, Guid[] Timeline) Replay(IEnumerable<TrackingEventObserved> scans)
    {
        var spec = new ShipmentSpecification();
        var view = new ShipmentView();
        var projection = new ShipmentViewProjection();
        foreach (var scan in scans)
        {
            foreach (var e in spec.When(scan))
            {
                if (e is CarrierEventRecorded recorded)
                {
                    projection.Apply(recorded, view);
                }
            }
        }

        Assert.Equal(spec.State.Status, view.Status);
        return (spec.State.Status, spec.State.Substatus, spec.State.CarrierEstimate, view.Events.Select(e => e.EventId).ToArray());
    }

    private static IEnumerable<T[]> Permutations<T>(T[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
