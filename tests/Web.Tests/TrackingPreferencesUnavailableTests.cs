using System.Net;
using System.Text.RegularExpressions;
using Shipping.Web.Tests.Infrastructure;

namespace Shipping.Web.Tests;

/// <summary>The tracking page when Notifications does not answer (this platform has none): it renders, the preferences only say so.</summary>
[Collection(WebPlatformCollection.Name)]
public sealed partial class TrackingPreferencesUnavailableTests(WebPlatformFixture platform)
{
    [Fact]
    public async Task NotificationsUnreachable_ThePageStillRenders_WithANote()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        var link = platform.LinkFor(order);
        var client = platform.WebClient();

        var response = await client.GetAsync(link + "?lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"status\"", html);
        Assert.Contains("data-testid=\"preferences-unavailable\"", html);
        Assert.DoesNotContain("handler=Preferences", html);

        // A post (say, from a page rendered before) changes nothing and leads back to the page.
        var request = new HttpRequestMessage(HttpMethod.Post, link + "?handler=Preferences")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = AntiforgeryField().Match(html).Groups[1].Value, ["Email"] = "true" }),
        };
        request.Headers.Add("Cookie", response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("__shipping-af", StringComparison.Ordinal)).Split(';')[0]);
        var posted = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"{link}?preferences=Unavailable#notifications", posted.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(posted.Headers.Location!.OriginalString.Split('#')[0])).StatusCode);
    }

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
