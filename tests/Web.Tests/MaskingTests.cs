using Shipping.ServiceDefaults;

namespace Shipping.Web.Tests;

public class MaskingTests
{
    [Theory]
    [InlineData("+4915112345612", "+49 *** **12")]
    [InlineData("+49 151 1234 5612", "+49 *** **12")]
    [InlineData("+447700900123", "+44 *** **23")]
    [InlineData("+14155550199", "+1 *** **99")]
    [InlineData("015112345612", "*** **12")]
    [InlineData("12345", "***")]
    public void Phone_ShowsCountryCodeAndLastTwoDigitsOnly(string phone, string expected) =>
        Assert.Equal(expected, PersonalDataDisplay.MaskPhone(phone));

    [Theory]
    [InlineData("erika@example.com", "e***@example.com")]
    [InlineData("  John.Smith@example.co.uk ", "J***@example.co.uk")]
    [InlineData("not-an-email", "***")]
    public void Email_ShowsFirstLetterAndDomainOnly(string email, string expected) =>
        Assert.Equal(expected, PersonalDataDisplay.MaskEmail(email));

    [Fact]
    public void Nothing_StaysNothing()
    {
        Assert.Null(PersonalDataDisplay.MaskPhone(null));
        Assert.Null(PersonalDataDisplay.MaskEmail(" "));
    }
}
