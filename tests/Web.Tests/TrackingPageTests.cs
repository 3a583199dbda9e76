using System.Net;
using System.Text.RegularExpressions;
using Shipping.Web.Tests.Infrastructure;

namespace Shipping.Web.Tests;

/// <summary>The tracking page over HTTP: what a link grants, what the page shows, and its protections.</summary>
[Collection(WebPlatformCollection.Name)]
public partial class TrackingPageTests(WebPlatformFixture platform)
{
    [Fact]
    public async Task TrackingLink_ShowsStatusDelayExpectedDateAndMaskedContact()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        await platform.ScanAsync(order, tracking, "IN_TRANSIT", "2026-11-20T23:30:00Z", WebPlatformFixture.Day(6));

        var raw = await platform.WebClient().GetAsync(platform.LinkFor(order));
        var html = WebUtility.HtmlDecode(await raw.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Contains($"Order {order}", html);
        Assert.Contains("On its way", html);
        Assert.Contains("data-testid=\"delay-banner\"", html);
        Assert.Contains("later than promised", html);
        Assert.Contains("Estimate from Simulator", Regex.Match(html, "data-testid=\"expected\"[^<]*<span[^<]*").Value);
        Assert.Contains("+49 *** **12", html);
        Assert.Contains("e***@example.com", html);
        Assert.DoesNotContain("15112345612", html);
        Assert.DoesNotContain("erika@example.com", html);
        // 23:30 UTC on 20 Nov is 00:30 on 21 Nov in Berlin.
        Assert.Contains("datetime=\"2026-11-21T00:30:00+01:00\"", html);
        Assert.Contains("help@acme.example", html);
        Assert.Contains("href=\"/brand/acme.css\"", html);
    }

    [Fact]
    public async Task Page_FollowsTheCustomersLocale_AndTheLanguageSwitch()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking, locale: "de-DE");
        var link = platform.LinkFor(order);

        var german = await platform.WebClient().GetStringAsync(link);
        var switched = await platform.WebClient().GetAsync(link + "?lang=en");

        Assert.Contains("<html lang=\"de\"", german);
        Assert.Contains($"Bestellung {order}", german);
        Assert.Contains($"Order {order}", await switched.Content.ReadAsStringAsync());
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lang=en", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ForgedExpiredOrOtherTenantsLinks_ShowNothing()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        var client = platform.WebClient();
        var good = platform.Links.Create("acme", order, DateTimeOffset.UtcNow.AddDays(1));

        foreach (var path in new[]
                 {
                     $"/t/{good[..^2]}xx",
                     $"/t/{platform.Links.Create("acme", order, DateTimeOffset.UtcNow.AddSeconds(-5))}",
                     platform.LinkFor(order, tenant: "globex"),
                     "/t/not-a-token",
                 })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(order, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Responses_CarryTheSecurityHeaders_AndCookiesAreHttpOnlyAndSameSite()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);

        var response = await platform.WebClient().GetAsync(platform.LinkFor(order));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__shipping-af", StringComparison.Ordinal));
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("<style", html);
    }

    [Fact]
    public async Task FormPostWithoutAntiforgeryToken_IsRefused()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        var link = platform.LinkFor(order);
        var page = await platform.WebClient().GetStringAsync(link);
        var shipmentId = ShipmentIdField().Match(page).Groups[1].Value;

        var response = await platform.WebClient().PostAsync(link + "?handler=Change", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ShipmentId"] = shipmentId, ["Kind"] = "Neighbour", ["NeighbourName"] = "Max", ["NeighbourHouseNumber"] = "3",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(shipmentId);
    }

    [Fact]
    public async Task Page_WeighsUnder100KB_WithEverythingItLoads()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        await platform.ScanAsync(order, tracking, "IN_TRANSIT", "2026-11-20T10:00:00+01:00");
        var client = platform.WebClient();

        var html = await client.GetByteArrayAsync(platform.LinkFor(order));
        var css = await client.GetByteArrayAsync("/css/site.css");
        var brand = await client.GetByteArrayAsync("/brand/acme.css");

        Assert.True(html.Length + css.Length + brand.Length < 100 * 1024, $"{html.Length + css.Length + brand.Length} bytes");
    }

    [GeneratedRegex("name=\"ShipmentId\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex ShipmentIdField();
}
