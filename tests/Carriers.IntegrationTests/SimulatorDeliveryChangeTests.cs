using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Carriers.Simulator;
using Shipping.Contracts;
using Shipping.Testing;

namespace Shipping.Carriers.IntegrationTests;

public sealed class SimulatorDeliveryChangeTests : IAsyncLifetime
{
    private TestInfrastructure _infrastructure = null!;
    private ServiceFactory<SimulatorOptions> _simulator = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        var settings = _infrastructure.Settings("simulator");
        settings["Simulator:DeliveryChanges:Refuse:0"] = nameof(DeliveryChangeKind.SafePlace);
        settings["Simulator:DeliveryChanges:RefusalReason"] = "No safe place is allowed for this parcel.";
        _simulator = new ServiceFactory<SimulatorOptions>(settings);
        _simulator.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    private static ChangeDelivery Request(DeliveryChangeKind kind, DeliveryChangeDetails details, string carrier = "simulator") =>
        new(Guid.NewGuid(), "acme", Guid.NewGuid(), carrier, "SIMCHG" + Guid.NewGuid().ToString("N")[..8], kind, details, DateTimeOffset.UtcNow);

    public static TheoryData<DeliveryChangeKind, DeliveryChangeDetails> EveryOption => new()
    {
        { DeliveryChangeKind.NewDate, new DeliveryChangeDetails(Date: new DateOnly(2026, 11, 28)) },
        { DeliveryChangeKind.Neighbour, new DeliveryChangeDetails(NeighbourName: "Schmidt", NeighbourHouseNumber: "12a") },
        { DeliveryChangeKind.ParcelShop, new DeliveryChangeDetails(ParcelShopId: "DE-80331-0042") },
        { DeliveryChangeKind.OtherAddress, new DeliveryChangeDetails(Address: new PostalAddress("Marienplatz", "8", "80331", "München", "DE")) },
    };

    [Theory]
    [MemberData(nameof(EveryOption))]
    public async Task EveryOption_IsConfirmed(DeliveryChangeKind kind, DeliveryChangeDetails details)
    {
        var request = Request(kind, details);

        await _simulator.Services.GetRequiredService<IBus>().Publish(request);

        var confirmed = await Eventually.Get(
            () => Task.FromResult(_simulator.Published.Of<DeliveryChangeConfirmed>().SingleOrDefault(c => c.RequestId == request.RequestId)),
            c => c is not null, "the confirmation");
        Assert.Equal(kind, confirmed.Kind);
        Assert.Equal(request.ShipmentId, confirmed.ShipmentId);
        Assert.StartsWith("SIM-", confirmed.CarrierReference);
    }

    [Fact]
    public async Task ConfiguredRefusal_IsRejected_WithItsReasonAndTheCarriersOwnPage()
    {
        var request = Request(DeliveryChangeKind.SafePlace, new DeliveryChangeDetails(SafePlace: "Behind the garage"));

        await _simulator.Services.GetRequiredService<IBus>().Publish(request);

        var rejected = await Eventually.Get(
            () => Task.FromResult(_simulator.Published.Of<DeliveryChangeRejected>().SingleOrDefault(r => r.RequestId == request.RequestId)),
            r => r is not null, "the rejection");
        Assert.Equal("No safe place is allowed for this parcel.", rejected.Reason);
        Assert.Equal("https://simulator.example/redirect", rejected.SelfServiceUrl);
        Assert.DoesNotContain(_simulator.Published.Of<DeliveryChangeConfirmed>(), c => c.RequestId == request.RequestId);
    }

    [Fact]
    public async Task IncompleteRequest_IsRejected_SayingWhatIsMissing()
    {
        var request = Request(DeliveryChangeKind.Neighbour, new DeliveryChangeDetails());

        await _simulator.Services.GetRequiredService<IBus>().Publish(request);

        var rejected = await Eventually.Get(
            () => Task.FromResult(_simulator.Published.Of<DeliveryChangeRejected>().SingleOrDefault(r => r.RequestId == request.RequestId)),
            r => r is not null, "the rejection");
        Assert.Contains("neighbour's name", rejected.Reason);
    }

    [Fact]
    public async Task AnotherCarriersRequest_IsNotAnswered()
    {
        var ours = Request(DeliveryChangeKind.NewDate, new DeliveryChangeDetails(Date: new DateOnly(2026, 11, 28)));
        var theirs = Request(DeliveryChangeKind.NewDate, new DeliveryChangeDetails(Date: new DateOnly(2026, 11, 28)), carrier: "dhl");
        var bus = _simulator.Services.GetRequiredService<IBus>();

        await bus.Publish(theirs);
        await bus.Publish(ours);

        await Eventually.Until(() => _simulator.Published.Of<DeliveryChangeConfirmed>().Any(c => c.RequestId == ours.RequestId), "our confirmation");
        await Eventually.Until(() => _simulator.Consumed.Count<ChangeDelivery>(c => c.RequestId == theirs.RequestId) == 1, "the other request consumed");
        Assert.DoesNotContain(_simulator.Published.Of<DeliveryChangeConfirmed>(), c => c.RequestId == theirs.RequestId);
        Assert.DoesNotContain(_simulator.Published.Of<DeliveryChangeRejected>(), c => c.RequestId == theirs.RequestId);
    }
}
