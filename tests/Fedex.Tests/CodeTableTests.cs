using Shipping.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Carriers.Fedex.Normalising;
using Shipping.Contracts;
using static Shipping.Carriers.Fedex.Tests.FedexPayloads;

namespace Shipping.Carriers.Fedex.Tests;

public class CodeTableTests
{
    private readonly FedexNormaliser _normaliser = new(NullLogger<FedexNormaliser>.Instance);

    private CarrierScan Single(Tracking.FedexScanEvent scan) => Assert.Single(_normaliser.Normalise("794843185271", ResultWith(scan)).Scans);

    [Theory]
    [InlineData("OC", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("AP", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("EP", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("DS", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("DR", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("RP", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("RG", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("PU", TrackingStatus.InTransit, TrackingSubstatus.PickedUp)]
    [InlineData("PX", TrackingStatus.InTransit, TrackingSubstatus.PickedUp)]
    [InlineData("DP", TrackingStatus.InTransit, TrackingSubstatus.Departed)]
    [InlineData("LO", TrackingStatus.InTransit, TrackingSubstatus.Departed)]
    [InlineData("AR", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("AA", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("AC", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("AF", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("AX", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("FD", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("OF", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("PL", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("SF", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("BR", TrackingStatus.InTransit, TrackingSubstatus.Processing)]
    [InlineData("CP", TrackingStatus.InTransit, TrackingSubstatus.Processing)]
    [InlineData("CU", TrackingStatus.InTransit, TrackingSubstatus.Processing)]
    [InlineData("CC", TrackingStatus.InTransit, TrackingSubstatus.CustomsCleared)]
    [InlineData("IT", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("IX", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("PM", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("PF", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("EA", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("EO", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("AO", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("CH", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("TR", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("SP", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("OX", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("RR", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("RM", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("RC", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("OD", TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified)]
    [InlineData("ED", TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified)]
    [InlineData("AD", TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified)]
    [InlineData("DE", TrackingStatus.AttemptFail, TrackingSubstatus.Unspecified)]
    [InlineData("HL", TrackingStatus.AvailableForPickup, TrackingSubstatus.AtDepot)]
    [InlineData("HP", TrackingStatus.AvailableForPickup, TrackingSubstatus.AtDepot)]
    [InlineData("DL", TrackingStatus.Delivered, TrackingSubstatus.ToRecipient)]
    [InlineData("SE", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("CA", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("DY", TrackingStatus.Exception, TrackingSubstatus.Delayed)]
    [InlineData("DD", TrackingStatus.Exception, TrackingSubstatus.Delayed)]
    [InlineData("PD", TrackingStatus.Exception, TrackingSubstatus.Delayed)]
    [InlineData("CD", TrackingStatus.Exception, TrackingSubstatus.CustomsHold)]
    [InlineData("LP", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("RD", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("RS", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    public void EveryScanCode_MapsToItsCanonicalStatus(string code, TrackingStatus status, TrackingSubstatus substatus)
    {
        var scan = Single(Scan(code, description: "FedEx's text"));

        Assert.Equal(status, scan.Status);
        Assert.Equal(substatus, scan.Substatus);
        Assert.Equal(code, scan.RawCode);
        Assert.Equal("FedEx's text", scan.RawDescription);
    }

    [Fact]
    public void EveryScanCodeInTheTable_IsCoveredByTheTheory() =>
        Assert.Equal(FedexCodes.ScanCodes.Keys.Order(), TheoryCodes(nameof(EveryScanCode_MapsToItsCanonicalStatus)).Order());

    [Theory]
    [InlineData("IN", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("OC", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("PU", TrackingStatus.InTransit, TrackingSubstatus.PickedUp)]
    [InlineData("IT", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("DP", TrackingStatus.InTransit, TrackingSubstatus.Departed)]
    [InlineData("OD", TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified)]
    [InlineData("DE", TrackingStatus.AttemptFail, TrackingSubstatus.Unspecified)]
    [InlineData("HL", TrackingStatus.AvailableForPickup, TrackingSubstatus.AtDepot)]
    [InlineData("HP", TrackingStatus.AvailableForPickup, TrackingSubstatus.AtDepot)]
    [InlineData("DL", TrackingStatus.Delivered, TrackingSubstatus.ToRecipient)]
    [InlineData("SE", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("CA", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("DY", TrackingStatus.Exception, TrackingSubstatus.Delayed)]
    [InlineData("DD", TrackingStatus.Exception, TrackingSubstatus.Delayed)]
    [InlineData("CD", TrackingStatus.Exception, TrackingSubstatus.CustomsHold)]
    [InlineData("RS", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    public void EveryDerivedStatusCode_MapsToItsCanonicalStatus_WhenTheScanHasNoEventType(
        string code, TrackingStatus status, TrackingSubstatus substatus)
    {
        var scan = Single(Scan(eventType: null, derived: code));

        Assert.Equal(status, scan.Status);
        Assert.Equal(substatus, scan.Substatus);
        Assert.Equal(code, scan.RawCode);
    }

    [Fact]
    public void EveryDerivedStatusCodeInTheTable_IsCoveredByTheTheory() =>
        Assert.Equal(
            FedexCodes.DerivedStatusCodes.Keys.Order(),
            TheoryCodes(nameof(EveryDerivedStatusCode_MapsToItsCanonicalStatus_WhenTheScanHasNoEventType)).Order());

    [Theory]
    [InlineData("OD", "IT", TrackingStatus.OutForDelivery)] // FedEx derives "in transit" for a parcel on the van
    [InlineData("RS", "DL", TrackingStatus.ReturnToSender)] // and "delivered" for one going back to the shipper
    [InlineData("HP", "IT", TrackingStatus.AvailableForPickup)]
    public void EventType_DecidesOverTheDerivedStatus(string eventType, string derived, TrackingStatus expected) =>
        Assert.Equal(expected, Single(Scan(eventType, derived: derived)).Status);

    [Fact]
    public void UnknownEventType_FallsBackToTheDerivedStatus_AndKeepsItsOwnCode()
    {
        var scan = Single(Scan("Q7", derived: "DL", description: "Something new"));

        Assert.Equal(TrackingStatus.Delivered, scan.Status);
        Assert.Equal("Q7", scan.RawCode);
        Assert.Equal("Something new", scan.RawDescription);
    }

    [Fact]
    public void UnknownCodes_MapToInTransit_AndKeepTheirRawCodeAndText()
    {
        var scan = Single(Scan("Q7", derived: "Q8", description: "Sorted by a robot"));

        Assert.Equal(TrackingStatus.InTransit, scan.Status);
        Assert.Equal(TrackingSubstatus.Unspecified, scan.Substatus);
        Assert.Equal("Q7", scan.RawCode);
        Assert.Equal("Sorted by a robot", scan.RawDescription);
    }

    [Fact]
    public void UnknownDerivedCode_WithoutEventType_MapsToInTransit_AndKeepsIt()
    {
        var scan = Single(Scan(eventType: "", derived: "Q8"));

        Assert.Equal(TrackingStatus.InTransit, scan.Status);
        Assert.Equal("Q8", scan.RawCode);
    }

    [Fact]
    public void UnknownCode_IsLoggedOnce_HoweverOftenItComes()
    {
        using var logs = new RecordingLoggerProvider();
        var normaliser = new FedexNormaliser(logs.For<FedexNormaliser>());

        normaliser.Normalise("794843185271", ResultWith(
            Scan("Q7", date: "2026-11-23T09:15:00-06:00"), Scan("Q7", date: "2026-11-23T10:15:00-06:00"), Scan("PU")));
        normaliser.Normalise("794843185271", ResultWith(Scan("Q7")));

        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("Q7", warning.Message);
    }

    [Fact]
    public void ScanWithoutAnyCode_IsLeftOut_AndNamed()
    {
        var result = _normaliser.Normalise("794843185271", ResultWith(Scan("PU"), Scan(eventType: " ", derived: null)));

        Assert.Single(result.Scans);
        Assert.Equal(["scanEvents[1].eventType"], result.Errors.Keys);
    }

    private static IEnumerable<string> TheoryCodes(string theory) => TheoryRows.FirstArguments<CodeTableTests>(theory);
}
