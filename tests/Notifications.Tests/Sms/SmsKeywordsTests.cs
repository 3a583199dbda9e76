using Shipping.Notifications.Sms;

namespace Shipping.Notifications.Tests.Sms;

public sealed class SmsKeywordsTests
{
    [Theory]
    [InlineData("STOP", SmsKeyword.OptOut)]
    [InlineData("stop", SmsKeyword.OptOut)]
    [InlineData(" Stopall ", SmsKeyword.OptOut)]
    [InlineData("UNSUBSCRIBE", SmsKeyword.OptOut)]
    [InlineData("cancel", SmsKeyword.OptOut)]
    [InlineData("END", SmsKeyword.OptOut)]
    [InlineData("QUIT", SmsKeyword.OptOut)]
    [InlineData("START", SmsKeyword.OptIn)]
    [InlineData("yes", SmsKeyword.OptIn)]
    [InlineData("UNSTOP", SmsKeyword.OptIn)]
    [InlineData("HELP", SmsKeyword.Help)]
    [InlineData("STOP PLEASE", SmsKeyword.None)]
    [InlineData("please stop", SmsKeyword.None)]
    [InlineData("yes please", SmsKeyword.None)]
    [InlineData("2", SmsKeyword.None)]
    public void Keywords_CountOnly_AsTheWholeMessage(string body, SmsKeyword expected) => Assert.Equal(expected, SmsKeywords.Of(body));
}
