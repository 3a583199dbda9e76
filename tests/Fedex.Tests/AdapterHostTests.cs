using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shipping.Carriers.Polling;
using Shipping.Contracts;
using Shipping.Testing;
using static Shipping.Carriers.Fedex.Tests.FedexPayloads;

namespace Shipping.Carriers.Fedex.Tests;

/// <summary>The FedEx adapter host on the real PostgreSQL and RabbitMQ, polling a fake FedEx that answers with the spec's example.</summary>
public sealed class AdapterHostTests : IAsyncLifetime
{
    // An upper bound for the first lookup, which these settings make immediate (Polling:FirstLookupWithin = 0).
    private static readonly TimeSpan FirstLookup = TimeSpan.FromSeconds(60);

    private TestInfrastructure _infrastructure = null!;
    private FakeCarrierServer _fedex = null!;
    private ServiceFactory<FedexOptions> _adapter = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        _fedex = await FakeCarrierServer.StartAsync();
        _fedex.On("POST", "/oauth/token", _ => FakeResponse.Json("""{"access_token":"token-1","token_type":"bearer","expires_in":3599,"scope":"CXS"}"""));
        _fedex.On("POST", "/track/v1/trackingnumbers", request =>
            FakeResponse.Json(request.Body.Contains(NotFoundNumber, StringComparison.Ordinal) ? NotFound : Response200));

        _adapter = new ServiceFactory<FedexOptions>(AdapterSettings(_infrastructure, _fedex, "client-id", "client-secret"));
        _adapter.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _adapter.DisposeAsync();
        await _fedex.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    /// <summary>Settings of an adapter host polling <paramref name="fedex"/> often, so a test sees several lookups quickly.</summary>
    internal static Dictionary<string, string> AdapterSettings(TestInfrastructure infrastructure, FakeCarrierServer fedex, string clientId, string clientSecret)
    {
        var settings = infrastructure.Settings("fedex");
        settings["Carriers:Fedex:BaseUrl"] = fedex.BaseUrl.ToString();
        settings["Carriers:Fedex:ClientId"] = clientId;
        settings["Carriers:Fedex:ClientSecret"] = clientSecret;
        settings["Carriers:Fedex:Polling:FirstLookupWithin"] = "00:00:00";
        settings["Carriers:Fedex:Polling:IdleDelay"] = "00:00:00.200";
        settings["Carriers:Fedex:Polling:CallsPerSecond"] = "50";
        settings["Carriers:Fedex:Polling:MaxFetchesPerShipmentPerDay"] = "100000";
        settings["Carriers:Fedex:Polling:BeforePickup"] = "00:00:01";
        settings["Carriers:Fedex:Polling:InTransit"] = "00:00:01";
        settings["Carriers:Fedex:Polling:Quiet"] = "00:00:02";
        settings["Carriers:Fedex:Polling:AfterFailure"] = "00:00:01";
        return settings;
    }

    internal static ShipmentRegistered Registered(string trackingNumber) =>
        new(Guid.NewGuid(), "acme", "ORD-" + Guid.NewGuid().ToString("N")[..8], "fedex", trackingNumber, null, DateTimeOffset.UtcNow);

    private int LookupsOf(string trackingNumber) =>
        _fedex.Requests.Count(r => r.Path == "/track/v1/trackingnumbers" && r.Body.Contains(trackingNumber, StringComparison.Ordinal));

    [Fact]
    public async Task RegisteredShipment_IsPolled_AndFedExsScanPublishedOnce_WhileAnUnknownNumberPublishesNothing()
    {
        var bus = _adapter.Services.GetRequiredService<IBus>();
        var shipment = Registered(Response200Number);

        await bus.Publish(shipment);
        await bus.Publish(Registered(NotFoundNumber));

        var observed = Assert.Single(await Eventually.Get(
            () => Task.FromResult<IReadOnlyList<TrackingEventObserved>?>(_adapter.Published.Of<TrackingEventObserved>()),
            published => published?.Count > 0, "the adapter to publish FedEx's scan", FirstLookup));
        var at = new DateTimeOffset(2018, 2, 2, 12, 1, 0, TimeSpan.FromHours(-7));
        Assert.Equal(StableIds.ForCarrierScan("fedex", Response200Number, at, "PU"), observed.EventId);
        Assert.Equal(("acme", "fedex", Response200Number), (observed.TenantId, observed.Carrier, observed.TrackingNumber));
        Assert.Equal((TrackingStatus.InTransit, TrackingSubstatus.PickedUp), (observed.Status, observed.Substatus));
        Assert.Equal(("PU", "Picked Up: Package available for clearance"), (observed.RawCode, observed.RawDescription));
        Assert.Equal(at, observed.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(-7), observed.OccurredAt.Offset);
        Assert.Equal(new EventLocation("SEATTLE", "98101", "US", "WA"), observed.Location);
        Assert.Equal(
            new DeliveryEstimate(new DateOnly(2021, 10, 15),
                new DateTimeOffset(2021, 10, 1, 8, 0, 0, TimeSpan.FromHours(-7)),
                new DateTimeOffset(2021, 10, 15, 0, 0, 0, TimeSpan.FromHours(-6))),
            observed.CarrierEstimate);
        Assert.Equal(TimeSpan.FromHours(-7), observed.CarrierEstimate!.WindowStart!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(-6), observed.CarrierEstimate.WindowEnd!.Value.Offset);

        // Looked up again (and the unknown number at least once): the same scan is not published a second time.
        await Eventually.Until(
            () => LookupsOf(Response200Number) >= 2 && LookupsOf(NotFoundNumber) >= 1, "further lookups of both numbers", FirstLookup);
        Assert.Single(_adapter.Published.Of<TrackingEventObserved>());
        Assert.Equal(1, _fedex.Count("POST", "/oauth/token"));
    }

    [Fact]
    public async Task DeliveryChange_IsRejected_FedExOffersNoApiForIt()
    {
        var change = new ChangeDelivery(
            Guid.NewGuid(), "acme", Guid.NewGuid(), "fedex", Response200Number, DeliveryChangeKind.NewDate,
            new DeliveryChangeDetails(Date: new DateOnly(2026, 11, 27)), DateTimeOffset.UtcNow);

        await _adapter.Services.GetRequiredService<IBus>().Publish(change);

        var rejected = Assert.Single(await Eventually.Get(
            () => Task.FromResult<IReadOnlyList<DeliveryChangeRejected>?>(
                _adapter.Published.Of<DeliveryChangeRejected>().Where(r => r.RequestId == change.RequestId).ToList()),
            r => r?.Count > 0, "the adapter to answer the delivery change"));
        Assert.Equal(("acme", "fedex", DeliveryChangeKind.NewDate), (rejected.TenantId, rejected.Carrier, rejected.Kind));
        Assert.Contains("FedEx", rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(_adapter.Published.Of<DeliveryChangeConfirmed>());
    }
}

/// <summary>An adapter host started without FedEx credentials: it says so, keeps running, and its lookups fail cleanly.</summary>
public sealed class AdapterWithoutCredentialsHostTests : IAsyncLifetime
{
    private readonly RecordingLoggerProvider _logs = new();
    private TestInfrastructure _infrastructure = null!;
    private FakeCarrierServer _fedex = null!;
    private ServiceFactory<FedexOptions> _adapter = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        _fedex = await FakeCarrierServer.StartAsync();
        _fedex.On("POST", "/track/v1/trackingnumbers", _ => FakeResponse.Json(Response200));
        _adapter = new ServiceFactory<FedexOptions>(
            AdapterHostTests.AdapterSettings(_infrastructure, _fedex, clientId: "", clientSecret: ""),
            services => services.AddSingleton<ILoggerProvider>(_logs));
        _adapter.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _adapter.DisposeAsync();
        await _fedex.DisposeAsync();
        await _infrastructure.DisposeAsync();
        _logs.Dispose();
    }

    [Fact]
    public async Task MissingCredentials_AreWarnedOfAtStart_AndLookupsFail_WithoutCallingFedExOrPublishing()
    {
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning
            && e.Message.Contains("Carriers:Fedex:ClientId", StringComparison.Ordinal)
            && e.Message.Contains("Carriers:Fedex:ClientSecret", StringComparison.Ordinal));

        await _adapter.Services.GetRequiredService<IBus>().Publish(AdapterHostTests.Registered(Response200Number));

        var schedule = _adapter.Services.GetRequiredService<PollSchedule>();
        await Eventually.Get(
            () => schedule.FindAsync(Response200Number, default), row => row is { FetchesToday: > 0 }, "a lookup of the parcel",
            TimeSpan.FromSeconds(60));
        Assert.Empty(_fedex.Requests);
        Assert.Empty(_adapter.Published.Of<TrackingEventObserved>());
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("credentials are not configured", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await _adapter.CreateClient().GetAsync("/health/live")).StatusCode);
    }
}
