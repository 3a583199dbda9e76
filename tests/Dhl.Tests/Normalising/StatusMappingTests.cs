using System.Reflection;
using System.Text.Json;
using Shipping.Carriers.Dhl.Normalising;
using Shipping.Carriers.Normalising;
using Shipping.Contracts;
using Shipping.Testing;
using static Shipping.Contracts.TrackingStatus;
using static Shipping.Contracts.TrackingSubstatus;

namespace Shipping.Carriers.Dhl.Tests.Normalising;

public class StatusMappingTests
{
    /// <summary>A one-event response in the parcel-nl shape (time with offset, no location).</summary>
    private static CarrierScan Single(string? statusCode, string? status, string? description = null)
    {
        var shipment = new Dictionary<string, object?>
        {
            ["id"] = "3SHM1",
            ["service"] = "parcel-nl",
            ["events"] = new[] { new { timestamp = "2019-09-03T11:33:05+02:00", statusCode, status, description } },
        };
        var result = DhlPayloads.Normalise("3SHM1", JsonSerializer.Serialize(new { shipments = new[] { shipment } }));
        Assert.Empty(result.Refused);
        return Assert.Single(result.Scans);
    }

    [Theory]
    [InlineData("pre-transit", InfoReceived)]
    [InlineData("transit", InTransit)]
    [InlineData("delivered", Delivered)]
    [InlineData("failure", TrackingStatus.Exception)]
    [InlineData("unknown", InTransit)]
    public void EveryStatusCode_GivesItsStatus_WhenTheStatusTextIsNotKnown(string statusCode, TrackingStatus status)
    {
        var scan = Single(statusCode, "Something DHL says in words");

        Assert.Equal(status, scan.Status);
        Assert.Equal(Unspecified, scan.Substatus);
        Assert.Equal(statusCode, scan.RawCode);
        Assert.Equal("Something DHL says in words", scan.RawDescription);
    }

    [Theory]
    [InlineData("DELIVERED", Delivered, Unspecified)]
    [InlineData("PRENOTIFICATION_RECEIVED", InfoReceived, Unspecified)]
    [InlineData("PARCEL_SORTED_AT_HUB", InTransit, Processing)]
    [InlineData("INFORMATION_ON_DELIVERY_TRANSMITTED", InTransit, Unspecified)]
    [InlineData("DELIVERY_PLANNED_IN_ROUTE", InTransit, Processing)]
    [InlineData("PARCEL_ARRIVED_AT_LOCAL_DEPOT", InTransit, Arrived)]
    [InlineData("PARCEL_SCANNED_INTO_HAND-TERMINAL", InTransit, Processing)]
    [InlineData("OUT_FOR_DELIVERY", OutForDelivery, Unspecified)]
    [InlineData("PARCEL_HANDED_OVER_TO_COURIER", OutForDelivery, Unspecified)]
    [InlineData("NOT_HOME", AttemptFail, NobodyHome)]
    [InlineData("NOT_HOME_SYSTEM_INTERVENTION_DELIVERY_AT_PARCELSHOP", AvailableForPickup, AtParcelShop)]
    [InlineData("ELECTRONIC NOTIFICATION RECEIVED: YOUR ORDER HAS BEEN PROCESSED AND TRACKING WILL BE UPDATED SOON", InfoReceived, Unspecified)]
    [InlineData("EN ROUTE TO DHL ECOMMERCE", InfoReceived, Unspecified)]
    [InlineData("ARRIVAL AT DHL ECOMMERCE DISTRIBUTION CENTER", InTransit, Arrived)]
    [InlineData("PROCESSED", InTransit, Processing)]
    [InlineData("DEPARTURE ORIGIN DHL ECOMMERCE FACILITY", InTransit, Departed)]
    [InlineData("ARRIVAL DESTINATION DHL ECOMMERCE FACILITY", InTransit, Arrived)]
    [InlineData("TENDERED TO DELIVERY SERVICE PROVIDER", InTransit, Unspecified)]
    [InlineData("ARRIVED USPS SORT FACILITY", InTransit, Arrived)]
    [InlineData("ARRIVAL AT POST OFFICE", InTransit, Arrived)]
    [InlineData("SORTING COMPLETE", InTransit, Processing)]
    [InlineData("OUT FOR DELIVERY", OutForDelivery, Unspecified)]
    [InlineData("The instruction data for this shipment have been provided by the sender to DHL electronically", InfoReceived, Unspecified)]
    [InlineData("The shipment has been processed in the parcel center of origin", InTransit, Processing)]
    [InlineData("The shipment has been processed in the destination parcel center", InTransit, Processing)]
    [InlineData("The shipment has been loaded onto the delivery vehicle", OutForDelivery, Unspecified)]
    [InlineData("The shipment has been successfully delivered", Delivered, Unspecified)]
    public void EveryKnownStatus_WinsOverTheStatusCode(string status, TrackingStatus expected, TrackingSubstatus substatus)
    {
        // "unknown" as statusCode: whatever the table says is not borrowed from the coarse code.
        var scan = Single("unknown", status);

        Assert.Equal(expected, scan.Status);
        Assert.Equal(substatus, scan.Substatus);
        // A carrier code is its own raw code; a sentence is not a code, so DHL's statusCode stands in for it.
        Assert.Equal(status.Any(char.IsLower) ? "unknown" : status, scan.RawCode);
        Assert.Equal(status, scan.RawDescription);
    }

    [Theory]
    [InlineData("IN/AT MAILBOX", ToSafePlace)]
    [InlineData("FRONT DOOR/PORCH", ToSafePlace)]
    [InlineData("LEFT WITH INDIVIDUAL", ToRecipient)]
    public void EveryDeliveredDescription_SaysWhereTheParcelWasLeft(string description, TrackingSubstatus substatus)
    {
        var scan = Single("delivered", "DELIVERED", description);

        Assert.Equal(Delivered, scan.Status);
        Assert.Equal(substatus, scan.Substatus);
        Assert.Equal("DELIVERED", scan.RawCode);
        Assert.Equal(description, scan.RawDescription);
    }

    [Fact]
    public void DeliveredDescription_DoesNotTurnAnotherStatusIntoADelivery()
    {
        var scan = Single("transit", "OUT FOR DELIVERY", "IN/AT MAILBOX");

        Assert.Equal(OutForDelivery, scan.Status);
        Assert.Equal(Unspecified, scan.Substatus);
    }

    [Theory]
    [InlineData(nameof(EveryStatusCode_GivesItsStatus_WhenTheStatusTextIsNotKnown), nameof(DhlStatusCodes.StatusCodes))]
    [InlineData(nameof(EveryKnownStatus_WinsOverTheStatusCode), nameof(DhlStatusCodes.Statuses))]
    [InlineData(nameof(EveryDeliveredDescription_SaysWhereTheParcelWasLeft), nameof(DhlStatusCodes.DeliveredDescriptions))]
    public void EveryRowOfEachTable_IsCoveredByItsTheory(string theory, string table)
    {
        var tested = typeof(StatusMappingTests).GetMethod(theory)!
            .GetCustomAttributes<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]);
        var keys = ((System.Collections.IEnumerable)typeof(DhlStatusCodes).GetField(table)!.GetValue(null)!)
            .Cast<object>()
            .Select(row => (string)row.GetType().GetProperty("Key")!.GetValue(row)!);

        Assert.Equal(keys.Order(StringComparer.Ordinal), tested.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DhlsOwnExample_PreTransitButDelivered_IsDelivered()
    {
        var json = DhlPayloads.Node(DhlPayloads.Express);
        Assert.Equal("pre-transit", (string?)json["shipments"]![0]!["events"]![0]!["statusCode"]);

        var scan = Assert.Single(DhlPayloads.Normalise("7777777770", SpecFiles.Read(DhlPayloads.Express)).Scans);

        Assert.Equal(Delivered, scan.Status);
        Assert.Equal("DELIVERED", scan.RawCode);
    }

    [Fact]
    public void UnknownCarrierCode_FallsBackOnItsStatusCode_AndKeepsItsRawCodeAndText()
    {
        var scan = Single("failure", "PARCEL_DAMAGED_IN_SORTER", "Damaged in sorting");

        Assert.Equal(TrackingStatus.Exception, scan.Status);
        Assert.Equal(Unspecified, scan.Substatus);
        Assert.Equal("PARCEL_DAMAGED_IN_SORTER", scan.RawCode);
        Assert.Equal("Damaged in sorting", scan.RawDescription);
    }

    [Fact]
    public void UnknownStatusCode_AndUnknownText_FallBackOnInTransit_KeepingTheRawText()
    {
        var scan = Single("lost-in-space", "Die Sendung wurde zugestellt");

        Assert.Equal(DhlStatusCodes.Fallback, new CanonicalStatus(scan.Status, scan.Substatus));
        Assert.Equal(InTransit, scan.Status);
        Assert.Equal("lost-in-space", scan.RawCode);
        Assert.Equal("Die Sendung wurde zugestellt", scan.RawDescription);
    }

    [Fact]
    public void NoStatusAtAll_IsInTransit_WithRawCodeUnknown()
    {
        var scan = Single(null, null);

        Assert.Equal(InTransit, scan.Status);
        Assert.Equal("unknown", scan.RawCode);
        Assert.Equal("unknown", scan.RawDescription);
    }

    [Fact]
    public void StatusCodeAndStatus_AreReadWithoutRegardToCaseOrSurroundingSpaces()
    {
        var scan = Single(" Transit ", " not_home ");

        Assert.Equal(AttemptFail, scan.Status);
        Assert.Equal(NobodyHome, scan.Substatus);
    }
}
