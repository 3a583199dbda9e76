using Shipping.Carriers.Time;
using Shipping.Carriers.Dhl.Normalising;
using Shipping.Carriers.Dhl.Tracking;
using Shipping.Contracts;

namespace Shipping.Carriers.Dhl.Tests.Normalising;

public class LocationTests
{
    [Theory]
    [InlineData("US", "60091", "Wilmette, IL, US", "Wilmette", "60091", "US", "IL")] // ecommerce
    [InlineData("US", null, "UNITED STATES", null, null, "US", null)] // ecommerce, before handover
    [InlineData("US", "90249", "GARDENA", "GARDENA", "90249", "US", "CA")] // ecommerce origin: state from the ZIP
    [InlineData("NL", "1043 AG", "Oderweg 2, AMSTERDAM", "AMSTERDAM", "1043 AG", "NL", null)] // express: street dropped
    [InlineData(null, null, "Radefeld, Germany", "Radefeld", null, "DE", null)] // parcel-de
    [InlineData(null, null, "Germany", null, null, "DE", null)] // parcel-de
    [InlineData("de", null, "Bonn", "Bonn", null, "DE", null)]
    public void AddressLocality_IsSplitIntoCityRegionAndCountry(
        string? countryCode, string? postalCode, string locality, string? city, string? zip, string? country, string? region) =>
        Assert.Equal(new EventLocation(city, zip, country, region), DhlLocations.From(new DhlAddress(countryCode, postalCode, locality, null)));

    [Fact]
    public void EmptyAddress_IsNoLocation() =>
        Assert.Null(DhlLocations.From(new DhlAddress(null, " ", "", null)));

    [Theory]
    [InlineData("90249", "CA")]
    [InlineData("60091", "IL")]
    [InlineData("19348", "PA")]
    [InlineData("07001", "NJ")]
    [InlineData("75028", "TX")]
    [InlineData("73301", "TX")]
    [InlineData("99501-1234", "AK")]
    [InlineData("00501", "NY")]
    [InlineData("1043 AG", null)]
    [InlineData("9024", null)]
    [InlineData("34012", null)] // an APO/FPO prefix: no state, no zone
    public void UsZip_GivesItsState(string zip, string? state) =>
        Assert.Equal(state, UsZipCodes.StateOf(zip));
}
