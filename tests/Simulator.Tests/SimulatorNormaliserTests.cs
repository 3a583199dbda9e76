using Shipping.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Carriers.Simulator.Webhooks;
using Shipping.Contracts;

namespace Shipping.Carriers.Simulator.Tests;

public class SimulatorNormaliserTests
{
    private readonly SimulatorNormaliser _normaliser = new(NullLogger<SimulatorNormaliser>.Instance);

    private static SimulatorWebhookPayload Payload(string at, string code = "IN_TRANSIT", string? country = "DE", string? estimate = "2026-11-25") =>
        new(" sim 123 ", [new SimulatorEvent(code, at, "Arrived at hub", new SimulatorLocation("Leipzig", "04435", country))], estimate);

    [Theory]
    [InlineData("LABEL_CREATED", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("PICKED_UP", TrackingStatus.InTransit, TrackingSubstatus.PickedUp)]
    [InlineData("IN_TRANSIT", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("DEPARTED", TrackingStatus.InTransit, TrackingSubstatus.Departed)]
    [InlineData("ARRIVED", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("CUSTOMS_CLEARED", TrackingStatus.InTransit, TrackingSubstatus.CustomsCleared)]
    [InlineData("OUT_FOR_DELIVERY", TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified)]
    [InlineData("ATTEMPT_FAILED", TrackingStatus.AttemptFail, TrackingSubstatus.NobodyHome)]
    [InlineData("ADDRESS_ISSUE", TrackingStatus.AttemptFail, TrackingSubstatus.AddressIssue)]
    [InlineData("AVAILABLE_FOR_PICKUP", TrackingStatus.AvailableForPickup, TrackingSubstatus.AtParcelShop)]
    [InlineData("DELIVERED", TrackingStatus.Delivered, TrackingSubstatus.ToRecipient)]
    [InlineData("DELIVERED_NEIGHBOUR", TrackingStatus.Delivered, TrackingSubstatus.ToNeighbour)]
    [InlineData("DELIVERED_SAFE_PLACE", TrackingStatus.Delivered, TrackingSubstatus.ToSafePlace)]
    [InlineData("DELIVERED_LOCKER", TrackingStatus.Delivered, TrackingSubstatus.ToLocker)]
    [InlineData("EXCEPTION", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("DAMAGED", TrackingStatus.Exception, TrackingSubstatus.Damaged)]
    [InlineData("LOST", TrackingStatus.Exception, TrackingSubstatus.Lost)]
    [InlineData("CUSTOMS_HOLD", TrackingStatus.Exception, TrackingSubstatus.CustomsHold)]
    [InlineData("DELAYED", TrackingStatus.Exception, TrackingSubstatus.Delayed)]
    [InlineData("RETURN_TO_SENDER", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    public void EveryCode_MapsToItsCanonicalStatus(string code, TrackingStatus status, TrackingSubstatus substatus)
    {
        var scan = Assert.Single(_normaliser.Normalise(Payload("2026-11-23T09:15:00+01:00", code)).Scans);

        Assert.Equal(status, scan.Status);
        Assert.Equal(substatus, scan.Substatus);
        Assert.Equal(code, scan.RawCode);
    }

    [Fact]
    public void EveryCodeInTheTable_IsCoveredByTheTheory()
    {
        var tested = TheoryRows.FirstArguments<SimulatorNormaliserTests>(nameof(EveryCode_MapsToItsCanonicalStatus));

        Assert.Equal(SimulatorNormaliser.Codes.Keys.Order(), tested.Order());
    }

    [Fact]
    public void UnknownCode_MapsToInTransit_AndKeepsItsRawCodeAndText()
    {
        var scan = Assert.Single(_normaliser.Normalise(Payload("2026-11-23T09:15:00+01:00", "SORTED_BY_ROBOT")).Scans);

        Assert.Equal(TrackingStatus.InTransit, scan.Status);
        Assert.Equal("SORTED_BY_ROBOT", scan.RawCode);
        Assert.Equal("Arrived at hub", scan.RawDescription);
    }

    [Fact]
    public void Scan_KeepsItsOffset_TrackingNumberAndLocationAndEstimate()
    {
        var result = _normaliser.Normalise(Payload("2026-11-23T09:15:00+01:00"));

        var scan = Assert.Single(result.Scans);
        Assert.Equal("SIM123", scan.TrackingNumber);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.FromHours(1)), scan.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(1), scan.OccurredAt.Offset);
        Assert.Equal(new EventLocation("Leipzig", "04435", "DE"), scan.Location);
        Assert.Equal(new DeliveryEstimate(new DateOnly(2026, 11, 25)), scan.CarrierEstimate);
        Assert.Equal(StableIds.ForCarrierScan("simulator", "SIM123", scan.OccurredAt, "IN_TRANSIT"), scan.EventId);
    }

    [Theory]
    [InlineData("2026-11-23T09:15:00", 1)] // winter: CET
    [InlineData("2026-07-01 09:15:00", 2)] // summer: CEST, and a space instead of the T
    public void TimeWithoutOffset_IsReadInTheLocationsZone(string at, int expectedOffsetHours)
    {
        var scan = Assert.Single(_normaliser.Normalise(Payload(at)).Scans);

        Assert.Equal(TimeSpan.FromHours(expectedOffsetHours), scan.OccurredAt.Offset);
        Assert.Equal(9, scan.OccurredAt.Hour);
    }

    [Fact]
    public void TimeWithoutOffset_AndNoKnownZone_IsAnErrorNamingTheField()
    {
        var result = _normaliser.Normalise(Payload("2026-11-23T09:15:00", country: null));

        Assert.False(result.IsValid);
        Assert.Contains("events[0].at", result.Errors.Keys);
    }

    [Fact]
    public void Estimate_GoesOnTheNewestEventOnly()
    {
        var payload = new SimulatorWebhookPayload("SIM1",
        [
            new SimulatorEvent("ARRIVED", "2026-11-23T15:00:00+01:00", "Arrived", null),
            new SimulatorEvent("PICKED_UP", "2026-11-23T09:00:00+01:00", "Picked up", null),
        ], "2026-11-25");

        var scans = _normaliser.Normalise(payload).Scans;

        Assert.NotNull(scans.Single(s => s.RawCode == "ARRIVED").CarrierEstimate);
        Assert.Null(scans.Single(s => s.RawCode == "PICKED_UP").CarrierEstimate);
    }

    [Fact]
    public void InvalidPayload_NamesEveryBadField()
    {
        var payload = new SimulatorWebhookPayload("", [new SimulatorEvent("", "yesterday", null, null), null!], "25.11.2026");

        var result = _normaliser.Normalise(payload);

        Assert.Equal(
            ["estimatedDelivery", "events[0].at", "events[0].code", "events[1]", "trackingNumber"],
            result.Errors.Keys.Order().ToArray());
    }

    [Fact]
    public void NoEvents_IsAnError()
    {
        Assert.Contains("events", _normaliser.Normalise(new SimulatorWebhookPayload("SIM1", [], null)).Errors.Keys);
    }
}
