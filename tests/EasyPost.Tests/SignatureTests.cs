using System.Text;
using Shipping.Carriers.EasyPost.Webhooks;
using Shipping.Carriers.Webhooks;

namespace Shipping.Carriers.EasyPost.Tests;

/// <summary>X-Hmac-Signature against EasyPost's published vector (client-library-fixtures.json → webhooks).</summary>
public class SignatureTests
{
    private static readonly byte[] Body = EasyPostSpecs.SignedEventBody();

    [Fact]
    public void TheFixturesSecret_IsTheOneTheseTestsUse() =>
        Assert.Equal(EasyPostSpecs.VectorSecret, EasyPostSpecs.VectorSecretFromFixtures());

    [Fact]
    public void PublishedVector_Verifies() =>
        Assert.True(EasyPostSignature.Verify(EasyPostSpecs.VectorSecret, Body, EasyPostSpecs.VectorSignature()));

    [Fact]
    public void Sign_ReproducesThePublishedVector() =>
        Assert.Equal(EasyPostSpecs.VectorSignature(), EasyPostSignature.Sign(EasyPostSpecs.VectorSecret, Body));

    [Fact]
    public void PublishedVector_NeedsTheNfkdKey_TheNfcKeyDoesNotReproduceIt()
    {
        var nfc = EasyPostSpecs.VectorSecret.Normalize(NormalizationForm.FormC);

        Assert.False(WebhookSignature.VerifyHexSha256(nfc, Body, EasyPostSpecs.VectorSignature(), EasyPostSignature.Prefix));
    }

    [Fact]
    public void SecretConfiguredDecomposed_VerifiesToo() =>
        Assert.True(EasyPostSignature.Verify("se\u0301cret", Body, EasyPostSpecs.VectorSignature()));

    [Fact]
    public void TheFileWithItsTrailingNewline_IsNotWhatWasSigned() =>
        Assert.False(EasyPostSignature.Verify(EasyPostSpecs.VectorSecret, Testing.SpecFiles.ReadBytes(EasyPostSpecs.EventBody), EasyPostSpecs.VectorSignature()));

    [Fact]
    public void WrongSecret_IsRefused() =>
        Assert.False(EasyPostSignature.Verify("secret", Body, EasyPostSpecs.VectorSignature()));

    [Fact]
    public void ChangedBody_IsRefused()
    {
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("\"delivered\"", "\"in_transit\"").Replace("ORLANDO", "ORLAND0"));

        Assert.False(EasyPostSignature.Verify(EasyPostSpecs.VectorSecret, changed, EasyPostSpecs.VectorSignature()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("38f3f53c103713df81616a0a186d77141957323ec21d5fe9363db93840f527db")] // the hex without its prefix
    [InlineData("sha256=38f3f53c103713df81616a0a186d77141957323ec21d5fe9363db93840f527db")] // another scheme's prefix
    [InlineData("hmac-sha256-hex=not-hex")]
    public void MissingOrMalformedHeader_IsRefused(string? header) =>
        Assert.False(EasyPostSignature.Verify(EasyPostSpecs.VectorSecret, Body, header));

    [Fact]
    public void WithoutASecret_EverythingIsRefused() =>
        Assert.False(EasyPostSignature.Verify("", Body, EasyPostSignature.Sign("", Body)));
}
