using Microsoft.AspNetCore.Http;
using Shipping.Carriers.Ups.Webhooks;

namespace Shipping.Carriers.Ups.Tests;

// Track Alert signs nothing, so there are no published signature vectors: UPS presents the subscription's credential.
public class TrackAlertCredentialTests
{
    private const string Configured = "s3cret-credential";

    private static HttpRequest Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }

    [Fact]
    public void CredentialHeader_WithTheSubscriptionsCredential_IsAccepted() =>
        Assert.True(TrackAlertCredential.Verify(Request(("credential", Configured), ("User-Agent", "UPSPubSubTrackingService")), Configured));

    [Theory]
    [InlineData("Bearer " + Configured)]
    [InlineData("bearer " + Configured)]
    public void BearerAuthorization_WithTheSubscriptionsCredential_IsAccepted(string authorization) =>
        Assert.True(TrackAlertCredential.Verify(Request(("Authorization", authorization)), Configured));

    [Theory]
    [InlineData("credential", "s3cret-credentiaL")]
    [InlineData("credential", "s3cret-credential ")]
    [InlineData("credential", "s3cret")]
    [InlineData("credential", "")]
    [InlineData("Authorization", "Basic " + Configured)]
    [InlineData("Authorization", "Bearer")]
    [InlineData("Authorization", Configured)]
    [InlineData("x-api-key", Configured)]
    public void AnyOtherCredential_IsRefused(string header, string value) =>
        Assert.False(TrackAlertCredential.Verify(Request((header, value)), Configured));

    [Fact]
    public void NoCredential_IsRefused() => Assert.False(TrackAlertCredential.Verify(Request(), Configured));

    [Fact]
    public void WrongCredentialHeader_IsNotRescuedByARightBearer() =>
        Assert.False(TrackAlertCredential.Verify(Request(("credential", "forged"), ("Authorization", "Bearer " + Configured)), Configured));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void WithoutAConfiguredCredential_EverythingIsRefused(string? configured)
    {
        Assert.False(TrackAlertCredential.Verify(Request(("credential", "")), configured));
        Assert.False(TrackAlertCredential.Verify(Request(("Authorization", "Bearer ")), configured));
    }
}
