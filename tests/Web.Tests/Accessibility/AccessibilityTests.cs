using Shipping.Web.Tests.Infrastructure;

namespace Shipping.Web.Tests.Accessibility;

/// <summary>The customer's pages as Web serves them, held to <see cref="AccessibilityAudit"/> in English and German.</summary>
[Collection(WebPlatformCollection.Name)]
public class AccessibilityTests(WebPlatformFixture platform)
{
    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public async Task TrackingPage_WithEveryChangeOffered_HasNoAccessibilityProblems(string language)
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        await platform.ScanAsync(order, tracking, "IN_TRANSIT", "2026-11-20T23:30:00Z", WebPlatformFixture.Day(6));

        var html = await platform.WebClient().GetStringAsync($"{platform.LinkFor(order)}?lang={language}");

        Assert.Contains("<form", html, StringComparison.Ordinal);
        Assert.Empty(AccessibilityAudit.Problems(html, language));
    }

    [Fact]
    public async Task LookupPage_AndTheInvalidLinkPage_HaveNoAccessibilityProblems()
    {
        var client = platform.WebClient();
        Assert.Empty(AccessibilityAudit.Problems(await client.GetStringAsync("/acme/lookup"), "en"));

        var invalid = await client.GetAsync("/t/not-a-valid-token");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, invalid.StatusCode);
        Assert.Empty(AccessibilityAudit.Problems(await invalid.Content.ReadAsStringAsync()));
    }
}
