using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Carriers.Polling;
using Shipping.Carriers.Simulator;
using Shipping.Contracts;
using Shipping.Testing;

namespace Shipping.Carriers.IntegrationTests;

/// <summary>
/// The shared poller and schedule, run inside a real adapter host (the Simulator's) on the real PostgreSQL and
/// RabbitMQ, with the carrier's API scripted.
/// </summary>
public sealed class PollingTests : IAsyncLifetime
{
    private TestInfrastructure _infrastructure = null!;
    private readonly List<IAsyncDisposable> _hosts = [];

    public async Task InitializeAsync() => _infrastructure = await TestInfrastructure.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await _infrastructure.DisposeAsync();
    }

    private ServiceFactory<SimulatorOptions> StartAdapter(ScriptedTracker tracker)
    {
        var host = new ServiceFactory<SimulatorOptions>(_infrastructure.Settings("adapter"), services =>
        {
            services.AddSingleton<ICarrierTracker>(tracker);
            services.AddOptions<PollingOptions>(SimulatorOptions.Carrier).Configure(o =>
            {
                o.FirstLookupWithin = TimeSpan.Zero;
                o.IdleDelay = TimeSpan.FromMilliseconds(100);
                o.OutForDelivery = o.InTransit = o.BeforePickup = TimeSpan.FromMilliseconds(300);
                o.Quiet = TimeSpan.FromSeconds(1);
                o.AfterFailure = TimeSpan.FromMilliseconds(200);
                o.CallsPerSecond = 100;
                o.MaxFetchesPerShipmentPerDay = 100_000;
                // Short, so that a claim a stopped instance could not hand back expires within a test's patience.
                o.Lease = TimeSpan.FromSeconds(5);
            });
            services.AddHostedService<CarrierPoller>();
        });
        host.CreateClient(); // starts it
        _hosts.Add(host);
        return host;
    }

    private static Task RegisterAsync(ServiceFactory<SimulatorOptions> host, string trackingNumber) =>
        host.Services.GetRequiredService<IBus>().Publish(new ShipmentRegistered(
            Guid.NewGuid(), "acme", "IT-" + trackingNumber, "simulator", trackingNumber, new DateOnly(2026, 11, 26), DateTimeOffset.UtcNow));

    private static int PublishedFor(ServiceFactory<SimulatorOptions> host, string trackingNumber) =>
        host.Published.Of<TrackingEventObserved>().Count(e => e.TrackingNumber == trackingNumber);

    private static string NewTrackingNumber() => "POLL" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    [Fact]
    public async Task RegisteredShipment_IsPolled_AndEachScanIsPublishedOnce_HoweverOftenItIsSeen()
    {
        var tracker = new ScriptedTracker();
        var number = NewTrackingNumber();
        tracker.Answer(number, _ => new TrackingLookup.Found(
        [
            ScriptedTracker.Scan(number, TrackingStatus.InfoReceived, 8, "LABEL"),
            ScriptedTracker.Scan(number, TrackingStatus.InTransit, 9, "PICKUP"),
        ]));
        var adapter = StartAdapter(tracker);

        await RegisterAsync(adapter, number);

        await Eventually.Until(() => tracker.Calls(number) >= 3, "three lookups of the parcel");
        Assert.Equal(2, PublishedFor(adapter, number));
        Assert.All(adapter.Published.Of<TrackingEventObserved>().Where(e => e.TrackingNumber == number), e => Assert.Equal("acme", e.TenantId));
    }

    [Fact]
    public async Task RestartingTheAdapter_LosesNoWatch_AndRepublishesNothing()
    {
        var tracker = new ScriptedTracker();
        var number = NewTrackingNumber();
        var first = ScriptedTracker.Scan(number, TrackingStatus.InTransit, 9, "PICKUP");
        var second = ScriptedTracker.Scan(number, TrackingStatus.OutForDelivery, 10, "OFD");
        tracker.Answer(number, _ => new TrackingLookup.Found([first]));
        var before = StartAdapter(tracker);
        await RegisterAsync(before, number);
        await Eventually.Until(() => PublishedFor(before, number) == 1, "the first scan");
        var watchList = before.Services.GetRequiredService<Watching.ParcelWatchList>();
        await Eventually.Get(() => watchList.FindAsync(number, default), p => p?.Scans.Count == 1, "the first scan recorded as seen");
        await before.DisposeAsync();
        _hosts.Remove(before);

        tracker.Answer(number, _ => new TrackingLookup.Found([first, second]));
        var callsBeforeRestart = tracker.Calls(number);
        var after = StartAdapter(tracker);

        var schedule = after.Services.GetRequiredService<PollSchedule>();
        await Eventually.Get(
            async () => (PublishedFor(after, number), await schedule.FindAsync(number, default), await schedule.LeaseHolderAsync(number, default), tracker.Calls(number)),
            seen => seen.Item1 == 1, "the new scan after the restart", TimeSpan.FromSeconds(30),
            seen => $"published {seen.Item1}, schedule {seen.Item2}, lease {seen.Item3}, lookups {seen.Item4}, now {DateTimeOffset.UtcNow:O}");
        await Eventually.Until(() => tracker.Calls(number) >= callsBeforeRestart + 3, "polling to go on after the restart");
        var published = Assert.Single(after.Published.Of<TrackingEventObserved>(), e => e.TrackingNumber == number);
        Assert.Equal(second.EventId, published.EventId);
    }

    [Fact]
    public async Task StoppingAnAdapterMidLookup_HandsItsClaimBack()
    {
        var tracker = new ScriptedTracker { Latency = TimeSpan.FromSeconds(3) };
        var number = NewTrackingNumber();
        tracker.Answer(number, _ => new TrackingLookup.Found([ScriptedTracker.Scan(number, TrackingStatus.InTransit, 9, "PICKUP")]));
        var adapter = StartAdapter(tracker);
        var schedule = adapter.Services.GetRequiredService<PollSchedule>();
        await RegisterAsync(adapter, number);
        await Eventually.Until(() => tracker.Calls(number) == 1, "a lookup under way");
        Assert.NotNull(await schedule.LeaseHolderAsync(number, default));

        await adapter.DisposeAsync();
        _hosts.Remove(adapter);

        Assert.Null(await schedule.LeaseHolderAsync(number, default));
    }

    [Fact]
    public async Task TwoReplicas_NeverLookUpTheSameParcelAtTheSameMoment()
    {
        var tracker = new ScriptedTracker { Latency = TimeSpan.FromMilliseconds(150) };
        var numbers = Enumerable.Range(0, 6).Select(_ => NewTrackingNumber()).ToList();
        foreach (var number in numbers)
        {
            tracker.Answer(number, _ => new TrackingLookup.Found([ScriptedTracker.Scan(number, TrackingStatus.InTransit, 9, "PICKUP")]));
        }

        var one = StartAdapter(tracker);
        var two = StartAdapter(tracker);
        foreach (var number in numbers)
        {
            await RegisterAsync(one, number);
        }

        await Eventually.Until(() => numbers.All(n => tracker.Calls(n) >= 4), "every parcel looked up four times", TimeSpan.FromSeconds(40));
        Assert.Equal(1, tracker.MaxConcurrentLookupsOfOneParcel);
        Assert.All(numbers, n => Assert.Equal(1, PublishedFor(one, n) + PublishedFor(two, n)));
    }

    [Fact]
    public async Task ACarrierErrorForOneParcel_NeverStopsPollingTheOthers()
    {
        var tracker = new ScriptedTracker();
        var (broken, fine) = (NewTrackingNumber(), NewTrackingNumber());
        tracker.Answer(broken, _ => throw new HttpRequestException("connection reset"));
        tracker.Answer(fine, call => call == 1
            ? new TrackingLookup.Failed("HTTP 503")
            : new TrackingLookup.Found([ScriptedTracker.Scan(fine, TrackingStatus.InTransit, 9, "PICKUP")]));
        var adapter = StartAdapter(tracker);

        await RegisterAsync(adapter, broken);
        await RegisterAsync(adapter, fine);

        await Eventually.Until(() => PublishedFor(adapter, fine) == 1, "the healthy parcel's scan");
        await Eventually.Until(() => tracker.Calls(broken) >= 2, "the broken parcel to be retried");
        var schedule = await adapter.Services.GetRequiredService<PollSchedule>().FindAsync(broken, default);
        Assert.True(schedule?.Active);
    }

    [Fact]
    public async Task Delivered_StopsPolling()
    {
        var tracker = new ScriptedTracker();
        var number = NewTrackingNumber();
        tracker.Answer(number, _ => new TrackingLookup.Found(
        [
            ScriptedTracker.Scan(number, TrackingStatus.OutForDelivery, 8, "OFD"),
            ScriptedTracker.Scan(number, TrackingStatus.Delivered, 11, "DLV"),
        ]));
        var adapter = StartAdapter(tracker);

        await RegisterAsync(adapter, number);

        var schedule = adapter.Services.GetRequiredService<PollSchedule>();
        await Eventually.Get(() => schedule.FindAsync(number, default), s => s is { Active: false }, "the schedule to stop");
        var calls = tracker.Calls(number);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // several poll intervals
        Assert.Equal(calls, tracker.Calls(number));
        Assert.Equal(2, PublishedFor(adapter, number));
    }

    [Fact]
    public async Task WithdrawnShipment_StopsBeingPolled_OnlyWhenNoOneElseWatchesTheParcel()
    {
        var tracker = new ScriptedTracker();
        var number = NewTrackingNumber();
        tracker.Answer(number, _ => new TrackingLookup.Found([ScriptedTracker.Scan(number, TrackingStatus.InTransit, 9, "PICKUP")]));
        var adapter = StartAdapter(tracker);
        var bus = adapter.Services.GetRequiredService<IBus>();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var (id, tenant) in new[] { (first, "acme"), (second, "globex") })
        {
            await bus.Publish(new ShipmentRegistered(id, tenant, "IT-" + number, "simulator", number, null, DateTimeOffset.UtcNow));
        }

        var schedule = adapter.Services.GetRequiredService<PollSchedule>();
        var watchList = adapter.Services.GetRequiredService<Shipping.Carriers.Watching.ParcelWatchList>();
        await Eventually.Get(() => watchList.FindAsync(number, default), p => p?.Watchers.Count == 2, "both shipments to be watched");

        await bus.Publish(new ShipmentWithdrawn(Guid.NewGuid(), first, "acme", "IT-" + number, "simulator", number, DateTimeOffset.UtcNow));
        var parcel = await Eventually.Get(() => watchList.FindAsync(number, default), p => p?.Watchers.Count == 1, "the withdrawn shipment to be unwatched");
        Assert.Equal(second, Assert.Single(parcel.Watchers).ShipmentId);
        Assert.True((await schedule.FindAsync(number, default))?.Active);

        await bus.Publish(new ShipmentWithdrawn(Guid.NewGuid(), second, "globex", "IT-" + number, "simulator", number, DateTimeOffset.UtcNow));
        await Eventually.Get(() => schedule.FindAsync(number, default), s => s is { Active: false }, "polling to stop with the last watcher gone");
        var calls = tracker.Calls(number);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // several poll intervals
        Assert.Equal(calls, tracker.Calls(number));
    }
}
