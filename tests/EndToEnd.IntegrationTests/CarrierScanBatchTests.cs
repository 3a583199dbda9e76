using System.Reflection;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Contracts;
using Shipping.EndToEnd.IntegrationTests.Infrastructure;
using Shipping.Testing;
using Shipping.Timeline.Shipments;
using Shipping.Timeline.Shipments.RecordingCarrierEvent;

namespace Shipping.EndToEnd.IntegrationTests;

/// <summary>
/// Timeline records carrier scans a batch at a time (<see cref="CarrierScanRecorder"/>), against the real database:
/// given shipments registered through the API, when a batch of scans is recorded, then the streams and read models
/// hold what the same scans one at a time would have left.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CarrierScanBatchTests(PlatformFixture platform)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 7, 0, 0, TimeSpan.FromHours(1));

    private CarrierScanRecorder Recorder => platform.Timeline.Services.GetRequiredService<CarrierScanRecorder>();

    [Fact]
    public async Task BatchWithADuplicateScan_RecordsItOnce()
    {
        var (order, tracking) = await GivenAShipmentAsync();
        var pickedUp = Scan("acme", tracking, TrackingStatus.InTransit, Start, "PICKED_UP");
        var arrived = Scan("acme", tracking, TrackingStatus.InTransit, Start.AddHours(3), "ARRIVED");

        await Recorder.RecordAsync([pickedUp, arrived, pickedUp], default);

        var (view, events) = await ShipmentAsync("acme", order, tracking);
        Assert.Equal([pickedUp.EventId, arrived.EventId], view.Events.Select(e => e.EventId));
        Assert.Equal([pickedUp.EventId, arrived.EventId], events.OfType<CarrierEventRecorded>().Select(e => e.EventId));
    }

    [Fact]
    public async Task SameBatchRecordedAgain_AsARetryWould_ChangesNothing()
    {
        var (order, tracking) = await GivenAShipmentAsync();
        List<TrackingEventObserved> batch = [
            Scan("acme", tracking, TrackingStatus.InTransit, Start, "PICKED_UP"),
            Scan("acme", tracking, TrackingStatus.OutForDelivery, Start.AddDays(1), "OUT_FOR_DELIVERY"),
        ];
        await Recorder.RecordAsync(batch, default);
        var (_, before) = await ShipmentAsync("acme", order, tracking);

        await Recorder.RecordAsync(batch, default);

        var (view, after) = await ShipmentAsync("acme", order, tracking);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(2, view.Events.Count);
        Assert.Equal(TrackingStatus.OutForDelivery, view.Status);
    }

    [Fact]
    public async Task OlderScanAfterANewerOneInOneBatch_TakesItsPlace_AndDoesNotMoveTheStatusBack()
    {
        var (order, tracking) = await GivenAShipmentAsync();
        var delivered = Scan("acme", tracking, TrackingStatus.Delivered, Start.AddDays(1), "DELIVERED");
        var inTransit = Scan("acme", tracking, TrackingStatus.InTransit, Start, "ARRIVED");

        await Recorder.RecordAsync([delivered, inTransit], default);

        var (view, events) = await ShipmentAsync("acme", order, tracking);
        Assert.Equal([inTransit.EventId, delivered.EventId], view.Events.Select(e => e.EventId));
        Assert.Equal(TrackingStatus.Delivered, view.Status);
        var change = Assert.Single(events.OfType<StatusChanged>());
        Assert.Equal((TrackingStatus.Pending, TrackingStatus.Delivered), (change.PreviousStatus, change.Status));
    }

    [Fact]
    public async Task TwoTenantsSharingATrackingNumber_InOneBatch_EachGetOnlyTheirOwnScan()
    {
        var tracking = PlatformFixture.NewTrackingNumber();
        var (acmeOrder, _) = await GivenAShipmentAsync(tracking, PlatformFixture.AcmeKey);
        var (globexOrder, _) = await GivenAShipmentAsync(tracking, PlatformFixture.GlobexKey);
        var acmeScan = Scan("acme", tracking, TrackingStatus.InTransit, Start, "ARRIVED");
        var globexScan = Scan("globex", tracking, TrackingStatus.Exception, Start.AddHours(1), "DAMAGED");

        await Recorder.RecordAsync([acmeScan, globexScan], default);

        var (acme, _) = await ShipmentAsync("acme", acmeOrder, tracking);
        var (globex, _) = await ShipmentAsync("globex", globexOrder, tracking);
        Assert.Equal([acmeScan.EventId], acme.Events.Select(e => e.EventId));
        Assert.Equal(TrackingStatus.InTransit, acme.Status);
        Assert.Equal([globexScan.EventId], globex.Events.Select(e => e.EventId));
        Assert.Equal(TrackingStatus.Exception, globex.Status);
    }

    [Fact]
    public async Task TwoTenantsInOneBatch_AreOneTransaction_ALostRaceForEitherStoresNothing_AndTheRetryStoresBoth()
    {
        var (acmeOrder, acmeTracking) = await GivenAShipmentAsync();
        var (globexOrder, globexTracking) = await GivenAShipmentAsync(apiKey: PlatformFixture.GlobexKey);
        var acmeScan = Scan("acme", acmeTracking, TrackingStatus.InTransit, Start, "ARRIVED");
        var globexScan = Scan("globex", globexTracking, TrackingStatus.OutForDelivery, Start.AddHours(2), "OUT_FOR_DELIVERY");
        var concurrent = Scan("globex", globexTracking, TrackingStatus.InTransit, Start.AddHours(1), "DEPARTED");
        // Another batch appends to globex's stream after this one read it and before it saves (acme's is the session's
        // own tenant, globex's joins it).
        var store = BeforeFirstSave.Wrap(
            platform.Timeline.Services.GetRequiredService<IDocumentStore>(), () => Recorder.RecordAsync([concurrent], default));
        var racing = new CarrierScanRecorder(store, TimeProvider.System, NullLogger<CarrierScanRecorder>.Instance);

        await Assert.ThrowsAnyAsync<JasperFx.ConcurrencyException>(() => racing.RecordAsync([acmeScan, globexScan], default));

        var (acme, acmeEvents) = await ShipmentAsync("acme", acmeOrder, acmeTracking);
        Assert.Empty(acme.Events);
        Assert.Empty(acmeEvents.OfType<CarrierEventRecorded>());
        var (globex, _) = await ShipmentAsync("globex", globexOrder, globexTracking);
        Assert.Equal([concurrent.EventId], globex.Events.Select(e => e.EventId));

        // The consumer retries the batch, which now decides on what the other one stored.
        await Recorder.RecordAsync([acmeScan, globexScan], default);

        (acme, _) = await ShipmentAsync("acme", acmeOrder, acmeTracking);
        Assert.Equal([acmeScan.EventId], acme.Events.Select(e => e.EventId));
        (globex, _) = await ShipmentAsync("globex", globexOrder, globexTracking);
        Assert.Equal([concurrent.EventId, globexScan.EventId], globex.Events.Select(e => e.EventId));
        Assert.Equal(TrackingStatus.OutForDelivery, globex.Status);
    }

    [Fact]
    public async Task UnknownTrackingNumberInABatch_IsIgnored_AndTheOtherScansAreRecorded()
    {
        var (order, tracking) = await GivenAShipmentAsync();
        var unknown = Scan("acme", PlatformFixture.NewTrackingNumber(), TrackingStatus.InTransit, Start, "ARRIVED");
        var known = Scan("acme", tracking, TrackingStatus.InTransit, Start, "ARRIVED");
        // A tenant's tracking number seen for another tenant that has no such shipment is unknown there too.
        var otherTenant = Scan("globex", tracking, TrackingStatus.InTransit, Start.AddHours(1), "DEPARTED");

        var unmatched = await Recorder.RecordAsync([unknown, known, otherTenant], default);

        Assert.Equal(2, unmatched);
        var (view, _) = await ShipmentAsync("acme", order, tracking);
        Assert.Equal([known.EventId], view.Events.Select(e => e.EventId));
    }

    [Fact]
    public async Task ManyScansOfOneShipmentAtOnce_ThroughTheBus_AreAllRecorded_WhateverBatchesRaceForTheStream()
    {
        var (order, tracking) = await GivenAShipmentAsync();
        // More scans than one batch holds: several batches append to the one stream at the same time, the losers retry.
        var scans = Enumerable.Range(0, RecordCarrierEventConsumerDefinition.BatchSize * RecordCarrierEventConsumerDefinition.ConcurrentBatches)
            .Select(i => Scan("acme", tracking, TrackingStatus.InTransit, Start.AddMinutes(i), $"SCAN_{i:000}"))
            .ToList();
        var bus = platform.Simulator.Services.GetRequiredService<IBus>();

        await Task.WhenAll(Enumerable.Reverse(scans).Select(s => bus.Publish(s)));

        var view = await Eventually.Get(
            async () => (await ShipmentAsync("acme", order, tracking)).View,
            v => v?.Events.Count == scans.Count, "every scan in the shipment's timeline", TimeSpan.FromSeconds(60),
            v => $"{v?.Events.Count} of {scans.Count}");
        Assert.Equal(scans.Select(s => s.EventId), view.Events.Select(e => e.EventId));
        Assert.Equal(scans[^1].RawCode, view.Events[^1].RawCode);
    }

    private async Task<(string Order, string Tracking)> GivenAShipmentAsync(string? tracking = null, string apiKey = PlatformFixture.AcmeKey)
    {
        var order = PlatformFixture.NewOrderNumber();
        tracking ??= PlatformFixture.NewTrackingNumber();
        await platform.PostOrderAsync(order, "simulator", tracking, apiKey: apiKey);
        return (order, tracking);
    }

    private async Task<(ShipmentView View, IReadOnlyList<object> Events)> ShipmentAsync(string tenant, string order, string tracking)
    {
        await using var session = platform.Timeline.Services.GetRequiredService<IDocumentStore>().QuerySession(tenant);
        var id = ShipmentView.IdFor(order, "simulator", tracking);
        var view = await session.LoadAsync<ShipmentView>(id);
        var events = await session.Events.FetchStreamAsync(id);
        return (view ?? throw new InvalidOperationException($"No shipment view for {order}"), events.Select(e => e.Data).ToList());
    }

    private static TrackingEventObserved Scan(string tenant, string tracking, TrackingStatus status, DateTimeOffset at, string code) =>
        new(StableIds.ForCarrierScan("simulator", tracking, at, code), tenant, "simulator", tracking,
            status, TrackingSubstatus.Unspecified, code, $"{code} at the Leipzig hub", at, new EventLocation("Leipzig", "04435", "DE"), null, at);

    /// <summary>A document store whose sessions run <c>concurrently</c> once, just before the first of them saves.</summary>
    public class BeforeFirstSave : DispatchProxy
    {
        private IDocumentStore _store = null!;
        private Func<Task> _concurrently = null!;
        private int _ran;

        public static IDocumentStore Wrap(IDocumentStore store, Func<Task> concurrently)
        {
            var proxy = Create<IDocumentStore, BeforeFirstSave>();
            var self = (BeforeFirstSave)(object)proxy;
            self._store = store;
            self._concurrently = concurrently;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var result = targetMethod!.Invoke(_store, args);
            if (result is IDocumentSession session)
            {
                session.Listeners.Add(new Listener(this));
            }

            return result;
        }

        private sealed class Listener(BeforeFirstSave owner) : DocumentSessionListenerBase
        {
            public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token) =>
                Interlocked.Exchange(ref owner._ran, 1) == 0 ? owner._concurrently() : Task.CompletedTask;
        }
    }
}
