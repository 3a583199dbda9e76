using System.Text.Json.Nodes;
using Shipping.Contracts;
using Shipping.Testing;
using static Shipping.Contracts.TrackingStatus;
using static Shipping.Contracts.TrackingSubstatus;

namespace Shipping.Carriers.Dhl.Tests.Normalising;

/// <summary>Every DHL payload of the specs, and the spec's own examples, with the exact canonical scans each yields.</summary>
public class SpecPayloadTests
{
    private static readonly EventLocation Amsterdam = new("AMSTERDAM", "1043 AG", "NL");

    [Fact]
    public void ExpressExample_YieldsOneDeliveredScan_WithItsWindowedEstimate()
    {
        var result = DhlPayloads.Normalise("7777777770", SpecFiles.Read(DhlPayloads.Express));

        // The shipment-level status repeats the only event: one scan, not two.
        Assert.Equal(
            [new Seen(Delivered, Unspecified, "DELIVERED", "JESSICA", "2018-03-02T07:53:47+00:00", Amsterdam,
                "2018-08-03 [2018-08-03T00:00:00+00:00 .. 2018-08-03T22:00:00+00:00]")],
            Seen.All(result.Scans));
        Assert.Equal("express", result.Service);
        Assert.Null(result.SelfServiceUrl);
        Assert.Empty(result.Refused);
    }

    [Fact]
    public void ParcelDe_FreeTextStatuses_AreReadByTheirText_AndTimesWithoutOffsetInGermanSummerTime()
    {
        var result = DhlPayloads.Normalise("JJD000390005893028175", SpecFiles.Read(DhlPayloads.ParcelDe));

        Assert.Equal(ExpectedScans.ParcelDe, Seen.All(result.Scans));
        Assert.Equal("parcel-de", result.Service);
        Assert.Empty(result.Refused);
    }

    [Fact]
    public void ParcelNl_CarrierCodes_AreTheRawCodes_AndTheirOffsetsAreKept()
    {
        var result = DhlPayloads.Normalise("3SHM00001165430", SpecFiles.Read(DhlPayloads.ParcelNl));

        Assert.Equal(ExpectedScans.ParcelNl, Seen.All(result.Scans));
        Assert.Equal("parcel-nl", result.Service);
    }

    [Fact]
    public void Ecommerce_NumberMatchingNineShipments_FollowsTheMostRecentOne_WithUsTimesInTheirZones()
    {
        var result = DhlPayloads.Normalise("64888", SpecFiles.Read(DhlPayloads.Ecommerce));

        var wilmette = new EventLocation("Wilmette", "60091", "US", "IL");
        var melrosePark = new EventLocation("Melrose Park", "60160", "US", "IL");
        var compton = new EventLocation("Compton", "90220", "US", "CA");
        Assert.Equal(
        [
            new Seen(Delivered, ToSafePlace, "DELIVERED", "IN/AT MAILBOX", "2019-08-26T13:04:00-05:00", wilmette),
            new Seen(OutForDelivery, Unspecified, "OUT FOR DELIVERY", "OUT FOR DELIVERY", "2019-08-26T08:29:00-05:00", wilmette),
            new Seen(InTransit, Arrived, "ARRIVAL AT POST OFFICE", "ARRIVAL AT POST OFFICE", "2019-08-26T04:19:00-05:00", wilmette),
            new Seen(InTransit, Arrived, "ARRIVED USPS SORT FACILITY", "ARRIVED USPS SORT FACILITY", "2019-08-26T03:04:00-05:00", wilmette),
            new Seen(InTransit, Unspecified, "TENDERED TO DELIVERY SERVICE PROVIDER", "TENDERED TO DELIVERY SERVICE PROVIDER", "2019-08-24T03:52:34-05:00", melrosePark),
            new Seen(InTransit, Arrived, "ARRIVAL DESTINATION DHL ECOMMERCE FACILITY", "ARRIVAL DESTINATION DHL ECOMMERCE FACILITY", "2019-08-23T13:15:09-05:00", melrosePark),
            new Seen(InTransit, Departed, "DEPARTURE ORIGIN DHL ECOMMERCE FACILITY", "DEPARTURE ORIGIN DHL ECOMMERCE FACILITY", "2019-08-20T23:44:07-07:00", compton),
            new Seen(InTransit, Processing, "PROCESSED", "PROCESSED", "2019-08-20T08:47:34-07:00", compton),
            new Seen(InTransit, Arrived, "ARRIVAL AT DHL ECOMMERCE DISTRIBUTION CENTER", "ARRIVAL AT DHL ECOMMERCE DISTRIBUTION CENTER", "2019-08-19T17:23:06-07:00", compton),
            // No offset and no location: before handover, so read at the origin (Gardena, ZIP 90249: California).
            new Seen(InfoReceived, Unspecified, "EN ROUTE TO DHL ECOMMERCE", "EN ROUTE TO DHL ECOMMERCE", "2019-08-19T14:24:01-07:00"),
            new Seen(InfoReceived, Unspecified, "ELECTRONIC NOTIFICATION RECEIVED: YOUR ORDER HAS BEEN PROCESSED AND TRACKING WILL BE UPDATED SOON",
                "ELECTRONIC NOTIFICATION RECEIVED: YOUR ORDER HAS BEEN PROCESSED AND TRACKING WILL BE UPDATED SOON", "2019-08-19T14:23:59-07:00"),
        ], Seen.All(result.Scans));
        Assert.Equal(9, result.ShipmentsInResponse);
        Assert.Empty(result.Refused);
    }

    [Fact]
    public void Ecommerce_SecondShipment_LocalityUnitedStates_IsReadAtTheOriginsZip()
    {
        // 64888's second shipment on its own: its first events say only "UNITED STATES" (no state, no ZIP).
        var json = DhlPayloads.Node(DhlPayloads.Ecommerce);
        var second = json["shipments"]![1]!.DeepClone();
        json["shipments"] = new JsonArray(second);

        var result = DhlPayloads.Normalise("64888", json.ToJsonString());

        var unitedStates = new EventLocation(null, null, "US");
        Assert.Equal(10, result.Scans.Count);
        Assert.Equal(new Seen(Delivered, ToSafePlace, "DELIVERED", "FRONT DOOR/PORCH", "2019-08-16T13:33:00-04:00", new EventLocation("Weyers Cave", "24486", "US", "VA")), Seen.Of(result.Scans[0]));
        // Kennett Square, ZIP 19348: Pennsylvania, Eastern time.
        Assert.Equal(new Seen(InfoReceived, Unspecified, "EN ROUTE TO DHL ECOMMERCE", "EN ROUTE TO DHL ECOMMERCE", "2019-08-12T16:09:05-04:00", unitedStates), Seen.Of(result.Scans[8]));
        Assert.Equal("2019-08-12T16:07:12-04:00", Seen.Of(result.Scans[9]).At);
    }

    [Fact]
    public void EveryEvent_HasTheStableIdOfCarrierNumberInstantAndRawCode()
    {
        var result = DhlPayloads.Normalise("JJD 0003 9000 5893 0281 75", SpecFiles.Read(DhlPayloads.ParcelDe));

        Assert.All(result.Scans, scan =>
        {
            Assert.Equal("JJD000390005893028175", scan.TrackingNumber);
            Assert.Equal("dhl", scan.Carrier);
            Assert.Equal(StableIds.ForCarrierScan("dhl", "JJD000390005893028175", scan.OccurredAt, scan.RawCode), scan.EventId);
        });
        Assert.Equal(5, result.Scans.Select(s => s.EventId).Distinct().Count());
    }

    [Fact]
    public void SpecSchemaExample_YieldsTheDeliveredScan_TheEstimateWindow_AndTheRerouteLink()
    {
        var result = DhlPayloads.Normalise("7777777770", DhlPayloads.SpecSchemaExample());

        // The schema's event example has no statusCode: the status DELIVERED alone decides.
        Assert.Equal(
            [new Seen(Delivered, Unspecified, "DELIVERED", "JESSICA", "2018-03-02T07:53:47+00:00", Amsterdam,
                "2018-08-03 [2018-08-03T00:00:00+00:00 .. 2018-08-03T22:00:00+00:00]")],
            Seen.All(result.Scans));
        Assert.Equal(DhlPayloads.SpecRerouteUrl, result.SelfServiceUrl);
        Assert.Equal("express", result.Service);
    }

    [Fact]
    public void ServiceUrl_IsTheSelfServiceLink_WhenThereIsNoRerouteUrl()
    {
        var json = JsonNode.Parse(DhlPayloads.SpecSchemaExample())!;
        json["shipments"]![0]!.AsObject().Remove("rerouteUrl");

        var result = DhlPayloads.Normalise("7777777770", json.ToJsonString());

        Assert.Equal("http://www.dhl.de/de/privatkunden.html?piececode=7777777770", result.SelfServiceUrl);
    }

    [Fact]
    public void NoShipments_YieldsNothing()
    {
        var result = DhlPayloads.Normalise("7777777770", """{"shipments":[]}""");

        Assert.Equal(0, result.ShipmentsInResponse);
        Assert.Empty(result.Scans);
    }
}
