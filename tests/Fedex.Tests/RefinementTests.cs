using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Carriers.Fedex.Normalising;
using Shipping.Carriers.Fedex.Tracking;
using Shipping.Contracts;
using static Shipping.Carriers.Fedex.Tests.FedexPayloads;

namespace Shipping.Carriers.Fedex.Tests;

public class RefinementTests
{
    private readonly FedexNormaliser _normaliser = new(NullLogger<FedexNormaliser>.Instance);

    private CarrierScan Single(FedexScanEvent scan) => Assert.Single(_normaliser.Normalise("794843185271", ResultWith(scan)).Scans);

    [Theory]
    [InlineData("DE", "Customer not available or business closed", TrackingStatus.AttemptFail, TrackingSubstatus.NobodyHome)]
    [InlineData("DE", "Recipient not in", TrackingStatus.AttemptFail, TrackingSubstatus.NobodyHome)]
    [InlineData("DE", "Business closed", TrackingStatus.AttemptFail, TrackingSubstatus.BusinessClosed)]
    [InlineData("DE", "Incorrect address", TrackingStatus.AttemptFail, TrackingSubstatus.AddressIssue)]
    [InlineData("SE", "Unable to locate address", TrackingStatus.Exception, TrackingSubstatus.AddressIssue)]
    [InlineData("DE", "No safe place to leave the package", TrackingStatus.AttemptFail, TrackingSubstatus.NoSafePlace)]
    [InlineData("DE", "Recipient refused package", TrackingStatus.Exception, TrackingSubstatus.Refused)]
    [InlineData("SE", "Package damaged", TrackingStatus.Exception, TrackingSubstatus.Damaged)]
    [InlineData("DE", "Severe weather conditions have delayed delivery", TrackingStatus.Exception, TrackingSubstatus.Weather)]
    [InlineData("SE", "Regulatory agency clearance delay", TrackingStatus.Exception, TrackingSubstatus.CustomsHold)]
    [InlineData("SE", "Package lost", TrackingStatus.Exception, TrackingSubstatus.Lost)]
    [InlineData("DE", "Local delivery restriction, delivery not attempted", TrackingStatus.Exception, TrackingSubstatus.Delayed)]
    [InlineData("DE", "A reason FedEx adds tomorrow", TrackingStatus.AttemptFail, TrackingSubstatus.Unspecified)]
    [InlineData("SE", "", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    public void ExceptionText_RefinesADeliveryOrShipmentException(
        string code, string exceptionDescription, TrackingStatus status, TrackingSubstatus substatus)
    {
        var scan = Single(Scan(code, exceptionDescription: exceptionDescription));

        Assert.Equal((status, substatus), (scan.Status, scan.Substatus));
        Assert.Equal(code, scan.RawCode);
    }

    [Theory]
    [InlineData("SE", "WEATHER", "DELAYED", TrackingSubstatus.Weather)]
    [InlineData("SE", "CLEARANCE", "DELAYED", TrackingSubstatus.CustomsHold)]
    [InlineData("SE", "OPERATIONAL", "DELAYED", TrackingSubstatus.Delayed)]
    [InlineData("SE", "LOCAL", "DELAYED", TrackingSubstatus.Delayed)]
    [InlineData("SE", "GENERAL", "DELAYED", TrackingSubstatus.Delayed)]
    [InlineData("DY", "WEATHER", "DELAYED", TrackingSubstatus.Weather)]
    [InlineData("SE", "WEATHER", "ON_TIME", TrackingSubstatus.Unspecified)]
    [InlineData("SE", "WEATHER", "EARLY", TrackingSubstatus.Unspecified)]
    public void DelayDetail_NamesTheCauseOfAnException(string code, string type, string delayStatus, TrackingSubstatus substatus)
    {
        var scan = Single(Scan(code, delay: new FedexDelayDetail(type, "SNOW", delayStatus)));

        Assert.Equal((TrackingStatus.Exception, substatus), (scan.Status, scan.Substatus));
    }

    [Fact]
    public void ExceptionText_DecidesOverTheDelayDetail() =>
        Assert.Equal(
            TrackingSubstatus.Damaged,
            Single(Scan("SE", exceptionDescription: "Package damaged", delay: new FedexDelayDetail("WEATHER", null, "DELAYED"))).Substatus);

    [Fact]
    public void ExceptionAndDelay_OnAnOrdinaryScan_DoNotMakeItAnException()
    {
        // As in the spec's example: a pickup scan carrying exception A25 and a snow delay.
        var scan = Single(Scan("PU", exceptionDescription: "Package available for clearance", delay: new FedexDelayDetail("WEATHER", "SNOW", "DELAYED")));

        Assert.Equal((TrackingStatus.InTransit, TrackingSubstatus.PickedUp), (scan.Status, scan.Substatus));
    }

    [Fact]
    public void DeliveryException_KeepsFedExsTextAndTheExceptionsText() =>
        Assert.Equal(
            "Delivery exception: Customer not available or business closed",
            Single(Scan("DE", description: "Delivery exception", exceptionDescription: "Customer not available or business closed")).RawDescription);

    [Theory]
    [InlineData("HP", "FEDEX_OFFICE_LOCATION", TrackingSubstatus.AtParcelShop)]
    [InlineData("HL", "SHIP_AND_GET_LOCATION", TrackingSubstatus.AtParcelShop)]
    [InlineData("HP", "NON_FEDEX_FACILITY", TrackingSubstatus.AtParcelShop)]
    [InlineData("HL", "DESTINATION_FEDEX_FACILITY", TrackingSubstatus.AtDepot)]
    [InlineData("HP", null, TrackingSubstatus.AtDepot)]
    public void HeldParcel_WaitsInAShopOrAtADepot_ByTheScansLocationType(string code, string? locationType, TrackingSubstatus substatus)
    {
        var scan = Single(Scan(code, locationType: locationType));

        Assert.Equal((TrackingStatus.AvailableForPickup, substatus), (scan.Status, scan.Substatus));
    }

    [Theory]
    [InlineData("J. Doe", TrackingSubstatus.SignedBy)]
    [InlineData("", TrackingSubstatus.ToRecipient)]
    [InlineData(null, TrackingSubstatus.ToRecipient)]
    public void Delivery_IsSignedFor_WhenDeliveryDetailsNameASigner(string? signedBy, TrackingSubstatus substatus)
    {
        var result = ResultWith(Scan("DL")) with { DeliveryDetails = new FedexDeliveryDetails(signedBy, null, "1") };

        var scan = Assert.Single(_normaliser.Normalise("794843185271", result).Scans);

        Assert.Equal((TrackingStatus.Delivered, substatus), (scan.Status, scan.Substatus));
        Assert.DoesNotContain("J. Doe", scan.RawDescription);
    }
}
