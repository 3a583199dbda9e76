using Shipping.Carriers.Dhl;
using Shipping.Carriers.EasyPost;
using Shipping.Carriers.Fedex;
using Shipping.Carriers.Ups;
using Shipping.Carriers.Usps;
using Shipping.Contracts;
using Shipping.EndToEnd.IntegrationTests.Infrastructure;
using Shipping.Testing;

namespace Shipping.EndToEnd.IntegrationTests;

/// <summary>
/// Each carrier adapter pointed (<c>Carriers:{X}:BaseUrl</c>) at a fake carrier that answers with the carrier's own
/// example response: a shipment registered with Timeline shows the carrier's events in its order's timeline.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CarrierTimelineTests(PlatformFixture platform) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _running = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var running in Enumerable.Reverse(_running))
        {
            await running.DisposeAsync();
        }
    }

    /// <summary>A fake carrier and its adapter's settings: polling at once and often, credentials set.</summary>
    private sealed record Carrier(string Name, string Config, string TrackingNumber, Action<FakeCarrierServer> Serve, Dictionary<string, string> Credentials);

    private static readonly Dictionary<string, Carrier> Carriers = new()
    {
        ["dhl"] = new("dhl", "Dhl", "JJD000390005893028175",
            fake => fake.On("GET", "/track/shipments", _ => FakeResponse.Json(SpecFiles.Read("dhl/JJD000390005893028175.json"))),
            new() { ["ApiKey"] = "test-key" }),
        ["ups"] = new("ups", "Ups", "1Z023E2X0214323462",
            fake => fake
                .On("POST", "/security/v1/oauth/token", _ => FakeResponse.Json("""{"token_type":"Bearer","access_token":"t","expires_in":"14399","status":"approved"}"""))
                .On("GET", "/api/track/v1/details/1Z023E2X0214323462", _ => FakeResponse.Json(RepositoryFixture("Ups.Tests", "Tracking.details.1Z023E2X0214323462.json"))),
            new() { ["ClientId"] = "id", ["ClientSecret"] = "secret" }),
        ["fedex"] = new("fedex", "Fedex", "123456789012",
            fake => fake
                .On("POST", "/oauth/token", _ => FakeResponse.Json("""{"access_token":"t","token_type":"bearer","expires_in":3599,"scope":"CXS"}"""))
                .On("POST", "/track/v1/trackingnumbers", _ => FakeResponse.Json(SpecFiles.Read("fedex/response200.json"))),
            new() { ["ClientId"] = "id", ["ClientSecret"] = "secret" }),
        ["easypost"] = new("easypost", "EasyPost", "EZ1000000001",
            fake => fake.On("POST", "/v2/trackers", _ => FakeResponse.Json(SpecFiles.Read("easypost/trackers-retrieve.json"))),
            new() { ["ApiKey"] = "EZTK-test" }),
        ["usps"] = new("usps", "Usps", "9400111899223344556677",
            fake => fake
                .On("POST", "/oauth2/v3/token", _ => FakeResponse.Json("""{"access_token":"t","token_type":"Bearer","expires_in":28799}"""))
                .On("POST", "/tracking/v3r2/tracking", _ => FakeResponse.Json(RepositoryFixture("Usps.Tests", "journey-response.json"))),
            new() { ["ClientId"] = "id", ["ClientSecret"] = "secret" }),
    };

    /// <summary>A fixture the carrier's own tests built in the spec's shape, where the spec has no example response.</summary>
    private static string RepositoryFixture(string testProject, string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", testProject, "Fixtures", file);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException(file);
    }

    public static TheoryData<string> CarrierNames => ["dhl", "ups", "fedex", "easypost", "usps"];

    [Theory]
    [MemberData(nameof(CarrierNames))]
    public async Task CarriersExampleResponse_ShowsInTheOrdersTimeline(string name)
    {
        var carrier = Carriers[name];
        var (fake, adapter) = await StartAsync(carrier);
        var order = PlatformFixture.NewOrderNumber();

        await platform.PostOrderAsync(order, carrier.Name, carrier.TrackingNumber);

        var shipment = await AllInTheTimelineAsync(adapter, carrier, order);
        var published = adapter.Published(carrier.TrackingNumber);
        Assert.Equal(carrier.Name, shipment.Carrier);
        var newest = published.MaxBy(p => p.OccurredAt)!;
        Assert.Equal(newest.Status, shipment.Status);
        Assert.True(fake.Requests.Count > 0);
    }

    [Fact]
    public async Task RestartingAnAdapterWhilePolling_LosesNoWatch_AndDuplicatesNoTimelineEvent()
    {
        // DHL's parcel-nl example waits at a parcel shop: not final, so the adapter goes on polling it.
        var carrier = Carriers["dhl"] with
        {
            TrackingNumber = "3SHM00001165430",
            Serve = fake => fake.On("GET", "/track/shipments", _ => FakeResponse.Json(SpecFiles.Read("dhl/3SHM00001165430.json"))),
        };
        var (fake, adapter) = await StartAsync(carrier);
        var order = PlatformFixture.NewOrderNumber();
        await platform.PostOrderAsync(order, carrier.Name, carrier.TrackingNumber);
        var before = await AllInTheTimelineAsync(adapter, carrier, order);
        var lookupsBefore = fake.Requests.Count;

        await adapter.DisposeAsync();
        _running.Remove(adapter);
        var restarted = Start(carrier, fake);

        await Eventually.Until(() => fake.Requests.Count >= lookupsBefore + 3, "the restarted adapter to keep polling", TimeSpan.FromSeconds(30));
        var after = (await platform.TimelineAsync(order))!.Shipments[0];
        Assert.Equal(before.Events.Select(e => e.EventId), after.Events.Select(e => e.EventId));
        Assert.Empty(restarted.Published(carrier.TrackingNumber));
    }

    /// <summary>
    /// Waits until every scan the adapter published, and nothing else, is in the order's timeline (the adapter may still
    /// be publishing when first looked at, so both sides are read again until they agree).
    /// </summary>
    private async Task<Timeline.Timelines.GettingOrderTimeline.ShipmentTimeline> AllInTheTimelineAsync(AdapterHost adapter, Carrier carrier, string order)
    {
        var (_, shipment) = await Eventually.Get(
            async () => (adapter.Published(carrier.TrackingNumber), (await platform.TimelineAsync(order))!.Shipments[0]),
            seen => seen.Item1.Count > 0 && seen.Item1.Select(p => p.EventId).Order().SequenceEqual(seen.Item2.Events.Select(e => e.EventId).Order()),
            $"all of {carrier.Name}'s scans in the timeline", TimeSpan.FromSeconds(40),
            seen => $"{seen.Item1.Count} published, {seen.Item2.Events.Count} in the timeline");
        return shipment;
    }

    private async Task<(FakeCarrierServer Fake, AdapterHost Adapter)> StartAsync(Carrier carrier)
    {
        var fake = await FakeCarrierServer.StartAsync();
        _running.Add(fake);
        carrier.Serve(fake);
        return (fake, Start(carrier, fake));
    }

    private AdapterHost Start(Carrier carrier, FakeCarrierServer fake)
    {
        var settings = platform.Infrastructure.Settings(carrier.Name);
        settings[$"Carriers:{carrier.Config}:BaseUrl"] = fake.BaseUrl.ToString();
        foreach (var (key, value) in carrier.Credentials)
        {
            settings[$"Carriers:{carrier.Config}:{key}"] = value;
        }

        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["FirstLookupWithin"] = "00:00:00", ["IdleDelay"] = "00:00:00.200", ["CallsPerSecond"] = "50",
            ["MaxFetchesPerShipmentPerDay"] = "100000", ["BeforePickup"] = "00:00:00.500", ["InTransit"] = "00:00:00.500",
            ["OutForDelivery"] = "00:00:00.500", ["Quiet"] = "00:00:01", ["AfterFailure"] = "00:00:01",
        })
        {
            settings[$"Carriers:{carrier.Config}:Polling:{key}"] = value;
        }

        AdapterHost host = carrier.Name switch
        {
            "dhl" => new AdapterHost<DhlOptions>(new ServiceFactory<DhlOptions>(settings)),
            "ups" => new AdapterHost<UpsOptions>(new ServiceFactory<UpsOptions>(settings)),
            "fedex" => new AdapterHost<FedexOptions>(new ServiceFactory<FedexOptions>(settings)),
            "easypost" => new AdapterHost<EasyPostOptions>(new ServiceFactory<EasyPostOptions>(settings)),
            _ => new AdapterHost<UspsOptions>(new ServiceFactory<UspsOptions>(settings)),
        };
        _running.Add(host);
        return host;
    }

    /// <summary>A running adapter, whatever its carrier.</summary>
    private abstract class AdapterHost : IAsyncDisposable
    {
        public abstract IReadOnlyList<TrackingEventObserved> Published(string trackingNumber);

        public abstract ValueTask DisposeAsync();
    }

    private sealed class AdapterHost<TEntryPoint> : AdapterHost where TEntryPoint : class
    {
        private readonly ServiceFactory<TEntryPoint> _factory;

        public AdapterHost(ServiceFactory<TEntryPoint> factory)
        {
            _factory = factory;
            _factory.CreateClient(); // starts it
        }

        public override IReadOnlyList<TrackingEventObserved> Published(string trackingNumber) =>
            _factory.Published.Of<TrackingEventObserved>().Where(m => m.TrackingNumber == trackingNumber).ToList();

        public override ValueTask DisposeAsync() => _factory.DisposeAsync();
    }
}
