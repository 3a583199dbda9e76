using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Timeline.ReadSide.OrderSummaries;
using Shipping.Timeline.ReadSide.Searching;
using Shipping.Timeline.ReadSide.ShipmentDetails;

namespace Shipping.Timeline.Tests.ReadSide;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("+4915112345678")]
    [InlineData("+49 151 1234 5678")]
    [InlineData("+49 (151) 1234-5678")]
    [InlineData("0049151 12345678")]
    [InlineData("0049/151/12345678")]
    [InlineData("(0151) 1234 5678")]
    [InlineData("0151-1234.5678")]
    public void GermanNumbersInEveryUsualForm_BecomeTheSameE164(string written) =>
        Assert.Equal("+4915112345678", PhoneNumbers.ToE164(written, "DE"));

    [Fact]
    public void NationalNumber_TakesTheCallingCodeOfTheRegion()
    {
        Assert.Equal("+436641234567", PhoneNumbers.ToE164("0664 1234567", "AT"));
        Assert.Equal("+442079460958", PhoneNumbers.ToE164("020 7946 0958", "GB"));
    }

    [Fact]
    public void ItalianNumber_KeepsItsLeadingZero() =>
        Assert.Equal("+390612345678", PhoneNumbers.ToE164("06 1234 5678", "IT"));

    [Theory]
    [InlineData("(415) 555-2671")]
    [InlineData("1 415 555 2671")]
    [InlineData("+1 415-555-2671")]
    public void NorthAmericanNumbers_BecomeE164(string written) =>
        Assert.Equal("+14155552671", PhoneNumbers.ToE164(written, "US"));

    [Theory]
    [InlineData("(0151) 1234 5678", null)]
    [InlineData("(0151) 1234 5678", "ZZ")]
    [InlineData("erika@example.com", "DE")]
    [InlineData("SIM3001A", "DE")]
    [InlineData("+49 151 12x45678", "DE")]
    [InlineData("+12345", "DE")]
    [InlineData("+0151 1234", "DE")]
    [InlineData("", "DE")]
    public void NotAPhoneNumber_OrNationalWithoutKnownRegion_IsNull(string written, string? region) =>
        Assert.Null(PhoneNumbers.ToE164(written, region));

    [Theory]
    [InlineData("de-DE", "DE")]
    [InlineData("en-GB", "GB")]
    [InlineData("de", null)]
    [InlineData("en", null)]
    [InlineData("not-a-locale", null)]
    public void RegionOfLocale_IsItsCountry_WhenItNamesOne(string locale, string? region) =>
        Assert.Equal(region, PhoneNumbers.RegionOf(locale));

    [Fact]
    public void NationalNumber_IsE164WithoutTheRegionsCallingCode()
    {
        Assert.Equal("15112345678", PhoneNumbers.NationalNumberOf("+4915112345678", "DE"));
        Assert.Null(PhoneNumbers.NationalNumberOf("+4915112345678", "AT"));
        Assert.Null(PhoneNumbers.NationalNumberOf("+4915112345678", null));
    }
}

public class SearchKeyTests
{
    private static readonly IReadOnlyList<string> Erika =
        SearchKeys.ForOrder("Ab-1001", ["SIM 3001 a"], " Erika@Example.COM ", "+4915112345678", "de-DE");

    [Theory]
    [InlineData("ab-1001")]
    [InlineData(" AB-1001 ")]
    [InlineData("Ab-1001")]
    public void OrderNumber_IsFoundWhateverItsCase(string query) => Assert.True(Matches(query));

    [Theory]
    [InlineData("SIM3001A")]
    [InlineData("sim3001a")]
    [InlineData("SIM 3001 A")]
    [InlineData(" sim 3001a ")]
    public void TrackingNumber_IsFoundWithoutCaseOrSpaces(string query) => Assert.True(Matches(query));

    [Theory]
    [InlineData("erika@example.com")]
    [InlineData("  ERIKA@EXAMPLE.COM")]
    public void Email_IsFoundTrimmedAndLowerCased(string query) => Assert.True(Matches(query));

    [Theory]
    [InlineData("+4915112345678")]
    [InlineData("+49 151 1234 5678")]
    [InlineData("0049 151 12345678")]
    [InlineData("(0151) 1234 5678")]
    [InlineData("0151/12345678")]
    public void Phone_IsFoundInternationallyOrNationally(string query) => Assert.True(Matches(query));

    [Theory]
    [InlineData("ab-1002")]
    [InlineData("SIM3001B")]
    [InlineData("erika@example.org")]
    [InlineData("+43 151 1234 5678")]
    [InlineData("15112345678")]
    public void SomethingElse_IsNotFound(string query) => Assert.False(Matches(query));

    [Fact]
    public void KeysOfDifferentKinds_NeverMatchEachOther()
    {
        // An order numbered like a phone's digits is found as an order number, not as the phone.
        var keys = SearchKeys.ForOrder("015112345678", [], null, null, "de-DE");
        Assert.Contains(SearchKeys.OrderNumber("015112345678"), keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("phone", StringComparison.Ordinal));
    }

    [Fact]
    public void NationalPhone_IsNotStored_WhenTheNumberIsFromAnotherCountryThanTheLocale()
    {
        var keys = SearchKeys.ForOrder("1", [], null, "+4915112345678", "fr-FR");
        Assert.Contains(SearchKeys.Phone("+4915112345678"), keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("phone-national:", StringComparison.Ordinal));
    }

    private static bool Matches(string query) => SearchKeys.ForQuery(query).Intersect(Erika).Any();
}

public class OrderProgressTests
{
    [Theory]
    [InlineData(OrderProgress.Pending, TrackingStatus.Pending, TrackingStatus.Pending)]
    [InlineData(OrderProgress.InProgress, TrackingStatus.InTransit, TrackingStatus.Pending)]
    [InlineData(OrderProgress.PartlyDelivered, TrackingStatus.Delivered, TrackingStatus.OutForDelivery)]
    [InlineData(OrderProgress.Delivered, TrackingStatus.Delivered, TrackingStatus.Delivered)]
    [InlineData(OrderProgress.NeedsAttention, TrackingStatus.Delivered, TrackingStatus.AttemptFail)]
    [InlineData(OrderProgress.NeedsAttention, TrackingStatus.Exception, TrackingStatus.InTransit)]
    public void Progress_FollowsTheShipments(OrderProgress expected, params TrackingStatus[] statuses) =>
        Assert.Equal(expected, OrderSummaryView.ProgressOf(statuses));
}

public class DeliveryOptionTests
{
    [Theory]
    [InlineData(TrackingStatus.Pending)]
    [InlineData(TrackingStatus.InfoReceived)]
    [InlineData(TrackingStatus.InTransit)]
    [InlineData(TrackingStatus.Exception)]
    [InlineData(TrackingStatus.AttemptFail)] // after a failed attempt, rearranging the delivery is what the customer needs
    public void BeforeOutForDelivery_OrAfterAFailedAttempt_EveryChangeIsOffered(TrackingStatus status)
    {
        var options = ShipmentDetailsEndpoints.DeliveryOptionsFor(status);
        Assert.Equal(Enum.GetValues<DeliveryChangeKind>(), options.Allowed);
        Assert.Null(options.NotAllowedReason);
    }

    [Theory]
    [InlineData(TrackingStatus.OutForDelivery)]
    [InlineData(TrackingStatus.AvailableForPickup)]
    [InlineData(TrackingStatus.Delivered)]
    [InlineData(TrackingStatus.ReturnToSender)]
    [InlineData(TrackingStatus.Expired)]
    public void FromOutForDeliveryOn_NothingIsOffered_AndTheResponseSaysWhy(TrackingStatus status)
    {
        var options = ShipmentDetailsEndpoints.DeliveryOptionsFor(status);
        Assert.Empty(options.Allowed);
        Assert.False(string.IsNullOrWhiteSpace(options.NotAllowedReason));
    }

    [Theory]
    [InlineData("2026-11-23T10:00:00+01:00", true)]
    [InlineData("2026-11-23T09:00:00Z", true)]
    [InlineData("2026-11-23T10:00:00", false)]
    [InlineData("2026-11-23", false)]
    [InlineData("yesterday", false)]
    [InlineData(null, false)]
    public void PointInTime_NeedsATimeWithItsOffset(string? written, bool accepted) =>
        Assert.Equal(accepted, ShipmentDetailsEndpoints.TryParseWithOffset(written, out _));
}
