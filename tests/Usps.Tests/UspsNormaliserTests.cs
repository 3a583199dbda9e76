using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Carriers.Usps.Normalising;
using Shipping.Carriers.Usps.Tracking;
using Shipping.Contracts;
using Shipping.Testing;

namespace Shipping.Carriers.Usps.Tests;

public class UspsNormaliserTests
{
    private static readonly EventLocation Detroit = new("DETROIT", "12345", "US", "MI");

    private readonly UspsNormaliser _normaliser = new(NullLogger<UspsNormaliser>.Instance);

    public static UspsTrackingDetail Detail(string trackingNumber, string? statusCategory, params UspsTrackingEvent?[] events) =>
        new(trackingNumber, null, statusCategory, null, null, null, null, null, events, null, null, null);

    public static UspsTrackingEvent Event(
        string? code, string? type = "Processed", string? at = "2025-11-20T09:05:00-05:00", string? gmt = null, string? offset = null,
        string? city = "KEARNY", string? state = "NJ", string? zip = "07032", string? country = "US") =>
        new(code, type, null, at, gmt, offset, city, state, zip, null, country);

    private CarrierScan Single(UspsTrackingEvent e, string? statusCategory = null)
    {
        var result = _normaliser.Normalise(Detail("9400111899223344556677", statusCategory, e));
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(x => $"{x.Key}: {string.Join(",", x.Value)}")));
        return Assert.Single(result.Scans);
    }

    [Theory]
    [MemberData(nameof(SpecExamples.Notifications), MemberType = typeof(SpecExamples))]
    public void SpecNotificationExample_IsOneDeliveryAtTheFrontDoor_WithItsOffsetPlaceAndPredictedWindow(string example)
    {
        // The payload exactly as the spec writes it (quotes still escaped): USPS's own example must be readable.
        Assert.True(UspsJson.TryReadPayload(SpecExamples.Notification(example)["payload"]!.GetValue<string>(), out var detail, out var error), error);

        var result = _normaliser.Normalise(detail);

        Assert.True(result.IsValid);
        var scan = Assert.Single(result.Scans);
        // statusCategory says "Accepted" in the example, but the event's own code (01, delivered) decides.
        ScanAssert.Scan(scan, "12345678", TrackingStatus.Delivered, TrackingSubstatus.ToSafePlace, "01", "Delivered, Front Door/Porch",
            "2025-02-07T12:55:12-05:00", Detroit,
            new DeliveryEstimate(new DateOnly(2025, 2, 7), ScanAssert.Time("2025-02-07T12:15:00-05:00"), ScanAssert.Time("2025-02-07T15:15:00-05:00")));
    }

    [Theory]
    [MemberData(nameof(SpecExamples.Notifications), MemberType = typeof(SpecExamples))]
    public void SpecPayload_SentAsAProperJsonString_GivesTheSameScan(string example)
    {
        Assert.True(UspsJson.TryReadPayload(SpecExamples.Notification(example)["payload"]!.GetValue<string>(), out var asInTheSpec, out _));
        Assert.True(UspsJson.TryReadPayload(SpecExamples.Payload(example), out var asSent, out _));

        Assert.Equal(_normaliser.Normalise(asInTheSpec).Scans.Single(), _normaliser.Normalise(asSent).Scans.Single());
    }

    [Theory]
    [InlineData("scanEventEx", "scanEvent")]
    [InlineData("detailedScanEventEx", "detailedScanEvent")]
    public void PayloadExampleOnTheSchema_IsTheSameAsTheNamedExample(string schema, string example) =>
        Assert.Equal(SpecExamples.Notification(example)["payload"]!.GetValue<string>(), SpecExamples.SchemaPayloadExample(schema));

    [Fact]
    public void Journey_GivesEveryEvent_EachWithItsOwnOffset_AndTheEstimateOnTheNewest()
    {
        var detail = JsonSerializer.Deserialize<List<UspsTrackingDetail>>(File.ReadAllText("Fixtures/journey-response.json"), UspsJson.Options)!.Single();

        var result = _normaliser.Normalise(detail);

        Assert.True(result.IsValid);
        const string number = "9400111899223344556677";
        var brooklyn = new EventLocation("BROOKLYN", "11201", "US", "NY");
        var kearny = new EventLocation("KEARNY NJ DISTRIBUTION CENTER", "07032", "US", "NJ");
        Assert.Collection(result.Scans,
            s => ScanAssert.Scan(s, number, TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified, "OF", "Out for Delivery",
                "2025-11-21T07:10:00-05:00", brooklyn,
                new DeliveryEstimate(new DateOnly(2025, 11, 21), ScanAssert.Time("2025-11-21T10:45:00-05:00"), ScanAssert.Time("2025-11-21T14:45:00-05:00"))),
            s => ScanAssert.Scan(s, number, TrackingStatus.InTransit, TrackingSubstatus.Arrived, "07", "Arrived at Post Office",
                "2025-11-21T05:48:00-05:00", brooklyn),
            s => ScanAssert.Scan(s, number, TrackingStatus.InTransit, TrackingSubstatus.Departed, "T1", "Departed USPS Regional Facility",
                "2025-11-20T18:15:00-05:00", kearny),
            s => ScanAssert.Scan(s, number, TrackingStatus.InTransit, TrackingSubstatus.Arrived, "U1", "Arrived at USPS Regional Facility",
                "2025-11-20T09:05:00-05:00", kearny),
            s => ScanAssert.Scan(s, number, TrackingStatus.InTransit, TrackingSubstatus.Processing, "10", "Processed through USPS Facility",
                "2025-11-19T22:30:00-08:00", new EventLocation("LOS ANGELES CA DISTRIBUTION CENTER", "90052", "US", "CA")),
            s => ScanAssert.Scan(s, number, TrackingStatus.InTransit, TrackingSubstatus.PickedUp, "03", "USPS in possession of item",
                "2025-11-19T16:20:00-08:00", new EventLocation("LOS ANGELES", "90012", "US", "CA")),
            s => ScanAssert.Scan(s, number, TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified, "MA", "Shipping Label Created, USPS Awaiting Item",
                "2025-11-18T00:00:00-08:00", new EventLocation("LOS ANGELES", "90012", "US", "CA")));
    }

    [Theory]
    [InlineData("MA", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("GX", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("03", TrackingStatus.InTransit, TrackingSubstatus.PickedUp)]
    [InlineData("TM", TrackingStatus.InTransit, TrackingSubstatus.PickedUp)]
    [InlineData("PA", TrackingStatus.InTransit, TrackingSubstatus.PickedUp)]
    [InlineData("80", TrackingStatus.InTransit, TrackingSubstatus.PickedUp)]
    [InlineData("07", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("19", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("41", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("81", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("U1", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("10", TrackingStatus.InTransit, TrackingSubstatus.Processing)]
    [InlineData("PC", TrackingStatus.InTransit, TrackingSubstatus.Processing)]
    [InlineData("EF", TrackingStatus.InTransit, TrackingSubstatus.Departed)]
    [InlineData("SF", TrackingStatus.InTransit, TrackingSubstatus.Departed)]
    [InlineData("T1", TrackingStatus.InTransit, TrackingSubstatus.Departed)]
    [InlineData("82", TrackingStatus.InTransit, TrackingSubstatus.Departed)]
    [InlineData("42", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("06", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("OF", TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified)]
    [InlineData("02", TrackingStatus.AttemptFail, TrackingSubstatus.NobodyHome)]
    [InlineData("52", TrackingStatus.AttemptFail, TrackingSubstatus.NobodyHome)]
    [InlineData("56", TrackingStatus.AttemptFail, TrackingSubstatus.NobodyHome)]
    [InlineData("53", TrackingStatus.AttemptFail, TrackingSubstatus.NoSafePlace)]
    [InlineData("54", TrackingStatus.AttemptFail, TrackingSubstatus.NoSafePlace)]
    [InlineData("55", TrackingStatus.AttemptFail, TrackingSubstatus.NoSafePlace)]
    [InlineData("51", TrackingStatus.AttemptFail, TrackingSubstatus.BusinessClosed)]
    [InlineData("30", TrackingStatus.AttemptFail, TrackingSubstatus.Unspecified)]
    [InlineData("14", TrackingStatus.AvailableForPickup, TrackingSubstatus.AtDepot)]
    [InlineData("16", TrackingStatus.AvailableForPickup, TrackingSubstatus.AtDepot)]
    [InlineData("01", TrackingStatus.Delivered, TrackingSubstatus.Unspecified)]
    [InlineData("17", TrackingStatus.Delivered, TrackingSubstatus.ToRecipient)]
    [InlineData("43", TrackingStatus.Delivered, TrackingSubstatus.ToRecipient)]
    [InlineData("04", TrackingStatus.Exception, TrackingSubstatus.Refused)]
    [InlineData("05", TrackingStatus.Exception, TrackingSubstatus.AddressIssue)]
    [InlineData("08", TrackingStatus.Exception, TrackingSubstatus.Delayed)]
    [InlineData("15", TrackingStatus.Exception, TrackingSubstatus.Delayed)]
    [InlineData("71", TrackingStatus.Exception, TrackingSubstatus.Delayed)]
    [InlineData("11", TrackingStatus.Exception, TrackingSubstatus.Lost)]
    [InlineData("DX", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("09", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    [InlineData("21", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    [InlineData("22", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    [InlineData("23", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    [InlineData("24", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    [InlineData("25", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    [InlineData("26", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    [InlineData("27", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    [InlineData("28", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    [InlineData("29", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    [InlineData("31", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    [InlineData("44", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    public void EveryEventCode_MapsToItsCanonicalStatus(string code, TrackingStatus status, TrackingSubstatus substatus)
    {
        var scan = Single(Event(code, type: "USPS event text"));

        Assert.Equal((status, substatus), (scan.Status, scan.Substatus));
        Assert.Equal(code, scan.RawCode);
        Assert.Equal("USPS event text", scan.RawDescription);
    }

    [Fact]
    public void EveryCodeInTheTable_IsCoveredByTheTheory() =>
        Assert.Equal(UspsCodes.EventCodes.Keys.Order(), TheoryKeys(nameof(EveryEventCode_MapsToItsCanonicalStatus)).Order());

    [Theory]
    [InlineData("Delivered, Front Door/Porch", TrackingStatus.Delivered, TrackingSubstatus.ToSafePlace)]
    [InlineData("Delivered, Garage or Other Location at Address", TrackingStatus.Delivered, TrackingSubstatus.ToSafePlace)]
    [InlineData("Delivered, In/At Mailbox", TrackingStatus.Delivered, TrackingSubstatus.ToRecipient)]
    [InlineData("Delivered, Left with Individual", TrackingStatus.Delivered, TrackingSubstatus.ToRecipient)]
    [InlineData("Delivered, Front Desk/Reception/Mail Room", TrackingStatus.Delivered, TrackingSubstatus.ToRecipient)]
    [InlineData("Delivered, PO Box", TrackingStatus.Delivered, TrackingSubstatus.ToRecipient)]
    [InlineData("Delivered, To Agent", TrackingStatus.Delivered, TrackingSubstatus.ToRecipient)]
    [InlineData("Delivered, Individual Picked Up at Post Office", TrackingStatus.Delivered, TrackingSubstatus.ToRecipient)]
    [InlineData("Delivered, Parcel Locker", TrackingStatus.Delivered, TrackingSubstatus.ToLocker)]
    [InlineData("Delivered, Neighbor as Requested", TrackingStatus.Delivered, TrackingSubstatus.ToNeighbour)]
    [InlineData("Delivered, To Original Sender", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    public void Delivery_IsRefinedByWhereUspsSaysItWasLeft(string eventType, TrackingStatus status, TrackingSubstatus substatus)
    {
        var scan = Single(Event("01", type: eventType));

        Assert.Equal((status, substatus), (scan.Status, scan.Substatus));
        Assert.Equal(eventType, scan.RawDescription);
    }

    [Fact]
    public void EveryPlaceOfDelivery_IsCoveredByTheTheory() =>
        Assert.Equal(
            UspsCodes.DeliveredAt.Keys.Select(p => "Delivered, " + p).Order(),
            TheoryKeys(nameof(Delivery_IsRefinedByWhereUspsSaysItWasLeft)).Order());

    [Fact]
    public void Delivery_AtAPlaceNotInTheTable_IsDeliveredWithoutSubstatus()
    {
        var scan = Single(Event("01", type: "Delivered, On the Roof"));

        Assert.Equal((TrackingStatus.Delivered, TrackingSubstatus.Unspecified), (scan.Status, scan.Substatus));
    }

    [Fact]
    public void PlaceText_DoesNotChangeACodeThatIsNotAPlainDelivery()
    {
        var scan = Single(Event("17", type: "Delivered, Front Door/Porch"));

        Assert.Equal((TrackingStatus.Delivered, TrackingSubstatus.ToRecipient), (scan.Status, scan.Substatus));
    }

    [Theory]
    [InlineData("Pre-Shipment", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("Accepted", TrackingStatus.InTransit, TrackingSubstatus.PickedUp)]
    [InlineData("In Transit", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("Out for Delivery", TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified)]
    [InlineData("Delivery Attempt", TrackingStatus.AttemptFail, TrackingSubstatus.Unspecified)]
    [InlineData("Available for Pickup", TrackingStatus.AvailableForPickup, TrackingSubstatus.AtDepot)]
    [InlineData("Delivered", TrackingStatus.Delivered, TrackingSubstatus.Unspecified)]
    [InlineData("Alert", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    public void UnknownCodeOfTheNewestEvent_TakesTheParcelsStatusCategory(string category, TrackingStatus status, TrackingSubstatus substatus)
    {
        var scan = Single(Event("Q7", type: "Something new"), category);

        Assert.Equal((status, substatus), (scan.Status, scan.Substatus));
        Assert.Equal("Q7", scan.RawCode);
    }

    [Fact]
    public void EveryStatusCategoryInTheTable_IsCoveredByTheTheory() =>
        Assert.Equal(UspsCodes.StatusCategories.Keys.Order(), TheoryKeys(nameof(UnknownCodeOfTheNewestEvent_TakesTheParcelsStatusCategory)).Order());

    [Fact]
    public void UnknownCode_FallsBackToInTransit_AndKeepsItsRawCodeAndText()
    {
        var scan = Single(Event("Q7", type: "Sorted by robot"), statusCategory: "Something USPS added");

        Assert.Equal((TrackingStatus.InTransit, TrackingSubstatus.Unspecified), (scan.Status, scan.Substatus));
        Assert.Equal("Q7", scan.RawCode);
        Assert.Equal("Sorted by robot", scan.RawDescription);
    }

    [Fact]
    public void StatusCategory_SaysNothingAboutOlderEvents()
    {
        var result = _normaliser.Normalise(Detail("9400111899223344556677", "Delivered",
            Event("01", "Delivered, In/At Mailbox", at: "2025-11-21T14:02:00-05:00"),
            Event("Q7", "Something new", at: "2025-11-20T09:05:00-05:00")));

        var older = result.Scans.Single(s => s.RawCode == "Q7");
        Assert.Equal(TrackingStatus.InTransit, older.Status);
    }

    [Fact]
    public void UnknownCode_IsLoggedOnce_WithoutTheEventsText()
    {
        var logger = new ListLogger<UspsNormaliser>();
        var normaliser = new UspsNormaliser(logger);

        normaliser.Normalise(Detail("1", null, Event("Q7", "Left with Mrs Smith")));
        normaliser.Normalise(Detail("2", null, Event("Q7", "Left with Mrs Smith")));

        var warning = Assert.Single(logger.Warnings);
        Assert.Contains("Q7", warning);
        Assert.DoesNotContain("Smith", warning);
    }

    [Fact]
    public void DetailedScanSchema_SingleTrackingEvent_IsRead()
    {
        var detail = JsonSerializer.Deserialize<UspsTrackingDetail>(
            """{"trackingNumber":"9400111899223344556677","trackingEvent":{"eventCode":"OF","eventType":"Out for Delivery","eventTimestamp":"2025-11-21T07:10:00-05:00","eventState":"NY","eventCity":"BROOKLYN"}}""",
            UspsJson.Options)!;

        var scan = Assert.Single(_normaliser.Normalise(detail).Scans);

        Assert.Equal("OF", scan.RawCode);
        Assert.Equal(TrackingStatus.OutForDelivery, scan.Status);
    }

    [Fact]
    public void MissingEventText_FallsBackToTheScanExtractName_ThenTheCode()
    {
        var named = Single(Event("OF", type: null) with { ScanEventExtractEventName = "OUT FOR DELIVERY" });
        var bare = Single(Event("OF", type: " "));

        Assert.Equal("OUT FOR DELIVERY", named.RawDescription);
        Assert.Equal("OF", bare.RawDescription);
    }

    [Fact]
    public void ZipCodeWrittenAsEventZip_AndAStateWithoutCountry_GiveAUsLocation()
    {
        var scan = Single(Event("OF", country: null, zip: null) with { EventZip = "07032" });

        Assert.Equal(new EventLocation("KEARNY", "07032", "US", "NJ"), scan.Location);
    }

    [Fact]
    public void EventWithNoPlace_HasNoLocation()
    {
        var scan = Single(Event("OF", city: null, state: " ", zip: null, country: null));

        Assert.Null(scan.Location);
    }

    [Fact]
    public void UnreadableEvents_AreNamedByField_AndTheReadableOnesStillCount()
    {
        var result = _normaliser.Normalise(Detail("9400111899223344556677", null,
            Event("OF"),
            Event(null),
            Event("07", at: "2025-11-21T05:48:00", state: null, country: null),
            null,
            Event("10", at: "yesterday")));

        Assert.False(result.IsValid);
        Assert.Equal(
            ["trackingEvents[1].eventCode", "trackingEvents[2].eventTimestamp", "trackingEvents[3]", "trackingEvents[4].eventTimestamp"],
            result.Errors.Keys.Order().ToArray());
        Assert.Equal("OF", Assert.Single(result.Scans).RawCode);
    }

    [Fact]
    public void MissingTrackingNumber_IsAnError_UnlessTheCallerKnowsIt()
    {
        var detail = Detail(" ", null, Event("OF"));

        Assert.Equal(["trackingNumber"], _normaliser.Normalise(detail).Errors.Keys);
        Assert.Equal("9400111899223344556677", Assert.Single(_normaliser.Normalise(detail, "9400 1118 9922 3344 5566 77").Scans).TrackingNumber);
    }

    [Fact]
    public void NoEvents_IsValid_AndGivesNoScans()
    {
        var result = _normaliser.Normalise(Detail("9400111899223344556677", "Pre-Shipment"));

        Assert.True(result.IsValid);
        Assert.Empty(result.Scans);
    }

    private static IEnumerable<string> TheoryKeys(string method) => TheoryRows.FirstArguments<UspsNormaliserTests>(method);
}
