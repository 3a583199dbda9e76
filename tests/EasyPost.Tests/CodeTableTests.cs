using Shipping.Testing;
using Shipping.Carriers.EasyPost.Normalising;
using Shipping.Contracts;

namespace Shipping.Carriers.EasyPost.Tests;

public class CodeTableTests
{
    private readonly EasyPostNormaliser _normaliser = EasyPostSpecs.Normaliser();

    private CarrierScan Single(string? status, string? detail = null) =>
        Assert.Single(_normaliser.Normalise(Trackers.With(Trackers.Detail(status, detail))).Scans);

    [Theory]
    [InlineData("unknown", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("pre_transit", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("in_transit", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("out_for_delivery", TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified)]
    [InlineData("delivered", TrackingStatus.Delivered, TrackingSubstatus.Unspecified)]
    [InlineData("available_for_pickup", TrackingStatus.AvailableForPickup, TrackingSubstatus.Unspecified)]
    [InlineData("return_to_sender", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    [InlineData("failure", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("cancelled", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("error", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    public void EveryStatus_MapsToItsCanonicalStatus(string status, TrackingStatus expected, TrackingSubstatus substatus)
    {
        var scan = Single(status);

        Assert.Equal((expected, substatus, status), (scan.Status, scan.Substatus, scan.RawCode));
    }

    /// <summary>Each detail on its own: under status "unknown", where EasyPost leaves it all to the detail.</summary>
    [Theory]
    [InlineData("address_correction", TrackingStatus.Exception, TrackingSubstatus.AddressIssue)]
    [InlineData("arrived_at_destination", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("arrived_at_facility", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("arrived_at_pickup_location", TrackingStatus.AvailableForPickup, TrackingSubstatus.Unspecified)]
    [InlineData("awaiting_information", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("cancelled", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("damaged", TrackingStatus.Exception, TrackingSubstatus.Damaged)]
    [InlineData("delayed", TrackingStatus.Exception, TrackingSubstatus.Delayed)]
    [InlineData("delivery_exception", TrackingStatus.AttemptFail, TrackingSubstatus.Unspecified)]
    [InlineData("departed_facility", TrackingStatus.InTransit, TrackingSubstatus.Departed)]
    [InlineData("departed_origin_facility", TrackingStatus.InTransit, TrackingSubstatus.Departed)]
    [InlineData("expired", TrackingStatus.Expired, TrackingSubstatus.Unspecified)]
    [InlineData("failure", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("held", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("in_transit", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("label_created", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("lost", TrackingStatus.Exception, TrackingSubstatus.Lost)]
    [InlineData("missorted", TrackingStatus.Exception, TrackingSubstatus.Delayed)]
    [InlineData("out_for_delivery", TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified)]
    [InlineData("received_at_destination_facility", TrackingStatus.InTransit, TrackingSubstatus.Arrived)]
    [InlineData("received_at_origin_facility", TrackingStatus.InTransit, TrackingSubstatus.PickedUp)]
    [InlineData("refused", TrackingStatus.Exception, TrackingSubstatus.Refused)]
    [InlineData("return", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    [InlineData("status_update", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("transferred_to_destination_carrier", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("transit_exception", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("unknown", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("weather_delay", TrackingStatus.Exception, TrackingSubstatus.Weather)]
    public void EveryStatusDetail_MapsToWhatItMeansOnItsOwn(string detail, TrackingStatus expected, TrackingSubstatus substatus)
    {
        var scan = Single("unknown", detail);

        Assert.Equal((expected, substatus, $"unknown/{detail}"), (scan.Status, scan.Substatus, scan.RawCode));
    }

    [Fact]
    public void EveryStatusInTheTable_IsCoveredByTheTheory() =>
        Assert.Equal(EasyPostCodes.Statuses.Keys.Order(), CodesIn(nameof(EveryStatus_MapsToItsCanonicalStatus)).Order());

    [Fact]
    public void EveryStatusDetailInTheTable_IsCoveredByTheTheory() =>
        Assert.Equal(EasyPostCodes.StatusDetails.Keys.Order(), CodesIn(nameof(EveryStatusDetail_MapsToWhatItMeansOnItsOwn)).Order());

    [Theory]
    // The detail refines a status it agrees with.
    [InlineData("in_transit", "departed_facility", TrackingStatus.InTransit, TrackingSubstatus.Departed)]
    [InlineData("available_for_pickup", "arrived_at_pickup_location", TrackingStatus.AvailableForPickup, TrackingSubstatus.Unspecified)]
    [InlineData("return_to_sender", "return", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    // A problem named by the detail overrides "on its way", and a bare failure.
    [InlineData("in_transit", "weather_delay", TrackingStatus.Exception, TrackingSubstatus.Weather)]
    [InlineData("pre_transit", "cancelled", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("out_for_delivery", "delivery_exception", TrackingStatus.AttemptFail, TrackingSubstatus.Unspecified)]
    [InlineData("failure", "delivery_exception", TrackingStatus.AttemptFail, TrackingSubstatus.Unspecified)]
    [InlineData("failure", "refused", TrackingStatus.Exception, TrackingSubstatus.Refused)]
    [InlineData("failure", "arrived_at_pickup_location", TrackingStatus.AvailableForPickup, TrackingSubstatus.Unspecified)]
    [InlineData("in_transit", "return", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    [InlineData("in_transit", "expired", TrackingStatus.Expired, TrackingSubstatus.Unspecified)]
    // A detail that only says "on its way" never overrides; a status past "on its way" is never overridden.
    [InlineData("pre_transit", "status_update", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("pre_transit", "arrived_at_facility", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("failure", "in_transit", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("delivered", "damaged", TrackingStatus.Delivered, TrackingSubstatus.Unspecified)]
    [InlineData("return_to_sender", "refused", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    [InlineData("available_for_pickup", "expired", TrackingStatus.AvailableForPickup, TrackingSubstatus.Unspecified)]
    public void StatusAndDetail_Combine(string status, string detail, TrackingStatus expected, TrackingSubstatus substatus)
    {
        var scan = Single(status, detail);

        Assert.Equal((expected, substatus, $"{status}/{detail}"), (scan.Status, scan.Substatus, scan.RawCode));
    }

    [Fact]
    public void UnknownStatus_MapsToTheFallback_AndKeepsItsRawCodeAndText()
    {
        var scan = Single("teleported");

        Assert.Equal(EasyPostCodes.Fallback, new Carriers.Normalising.CanonicalStatus(scan.Status, scan.Substatus));
        Assert.Equal(TrackingStatus.InTransit, scan.Status);
        Assert.Equal("teleported", scan.RawCode);
        Assert.Equal("Arrived at FedEx location", scan.RawDescription);
    }

    [Fact]
    public void UnknownStatus_WithAKnownDetail_GoesByTheDetail()
    {
        var scan = Single("teleported", "damaged");

        Assert.Equal((TrackingStatus.Exception, TrackingSubstatus.Damaged, "teleported/damaged"), (scan.Status, scan.Substatus, scan.RawCode));
    }

    [Fact]
    public void UnknownDetail_LeavesTheStatus_AndIsKeptInTheRawCode()
    {
        var scan = Single("out_for_delivery", "on_a_drone");

        Assert.Equal((TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified, "out_for_delivery/on_a_drone"), (scan.Status, scan.Substatus, scan.RawCode));
    }

    [Fact]
    public void MissingStatus_IsReadAsUnknown()
    {
        var scan = Single(null, "label_created");

        Assert.Equal((TrackingStatus.InfoReceived, "unknown/label_created"), (scan.Status, scan.RawCode));
    }

    [Fact]
    public void CodesAreMatched_WithoutRegardToCase()
    {
        var scan = Single("In_Transit", "Weather_Delay");

        Assert.Equal((TrackingStatus.Exception, TrackingSubstatus.Weather), (scan.Status, scan.Substatus));
    }

    [Fact]
    public void Delivered_IsSignedBy_OnlyWhenTheTrackerNamesASigner()
    {
        var unsigned = Trackers.With(Trackers.Detail("delivered"), Trackers.Detail("in_transit", datetime: "2024-07-30T10:00:00Z"));
        var signed = unsigned with { SignedBy = "J. Tester" };

        var withoutSigner = _normaliser.Normalise(unsigned).Scans;
        var withSigner = _normaliser.Normalise(signed).Scans;

        Assert.Equal(TrackingSubstatus.Unspecified, withoutSigner[0].Substatus);
        Assert.Equal(TrackingSubstatus.SignedBy, withSigner[0].Substatus);
        Assert.Equal(TrackingSubstatus.Unspecified, withSigner[1].Substatus);
    }

    [Fact]
    public void MessageMissing_TheDescriptionIsTheText_ThenTheRawCode()
    {
        var described = Trackers.Detail(message: null) with { Description = "Arrived" };
        var bare = Trackers.Detail("in_transit", "arrived_at_facility", message: " ", datetime: "2024-07-31T20:00:00Z");

        var scans = _normaliser.Normalise(Trackers.With(described, bare)).Scans;

        Assert.Equal(["Arrived", "in_transit/arrived_at_facility"], scans.Select(s => s.RawDescription));
    }

    private static IEnumerable<string> CodesIn(string theory) => TheoryRows.FirstArguments<CodeTableTests>(theory);
}
