using Shipping.Notifications.Sms;

namespace Shipping.Notifications.Tests.Sms;

public sealed class TwilioSignatureTests
{
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string Token = "12345";

    private static readonly KeyValuePair<string, string>[] Parameters =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+12349013030"),
        new("Digits", "1234"),
        new("From", "+12349013030"),
        new("To", "+18005551212"),
    ];

    [Fact]
    public void TwiliosPublishedExample_Computes_TheirSignature() =>
        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.Compute(Token, Url, Parameters));

    [Fact]
    public void TwiliosPublishedExample_IsValid_WhateverTheParameterOrder() =>
        Assert.True(TwilioSignature.IsValid(Token, Url, Parameters.Reverse().ToList(), "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));

    [Theory]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2")]
    [InlineData(Url)]
    public void Url_WithOrWithoutTheDefaultPort_IsAccepted(string calledUrl) =>
        Assert.True(TwilioSignature.IsValid(Token, calledUrl, Parameters, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));

    [Fact]
    public void SignatureOverTheUrlWithPort_IsAccepted_ForTheUrlWithout()
    {
        var signedWithPort = TwilioSignature.Compute(Token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", Parameters);
        Assert.NotEqual("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", signedWithPort);
        Assert.True(TwilioSignature.IsValid(Token, Url, Parameters, signedWithPort));
    }

    [Fact]
    public void AnotherPort_IsNotTheDefault() =>
        Assert.False(TwilioSignature.IsValid(Token, "https://mycompany.com:8443/myapp.php?foo=1&bar=2", Parameters, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));

    [Fact]
    public void ChangedParameter_WrongToken_OrMissingSignature_AreRejected()
    {
        var changed = Parameters.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "1235") : p).ToList();
        Assert.False(TwilioSignature.IsValid(Token, Url, changed, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        Assert.False(TwilioSignature.IsValid("54321", Url, Parameters, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        Assert.False(TwilioSignature.IsValid(Token, Url, Parameters, null));
        Assert.False(TwilioSignature.IsValid(Token, "https://mycompany.com/myapp.php?foo=1&bar=3", Parameters, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    }
}
