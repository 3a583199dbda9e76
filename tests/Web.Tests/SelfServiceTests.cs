using System.Net;
using Shipping.Testing;
using System.Text.RegularExpressions;
using Shipping.Web.Tests.Infrastructure;

namespace Shipping.Web.Tests;

/// <summary>Delivery changes asked for on the page: offered only while the carrier allows them, answers shown with their reason.</summary>
[Collection(WebPlatformCollection.Name)]
public partial class SelfServiceTests(WebPlatformFixture platform)
{
    [Fact]
    public async Task RefusedChange_IsShownWithTheCarriersReason()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        var link = platform.LinkFor(order);
        var client = platform.WebClient();
        var form = await client.GetAsync(link);
        var html = await form.Content.ReadAsStringAsync();
        var cookie = form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("__shipping-af", StringComparison.Ordinal)).Split(';')[0];
        var request = new HttpRequestMessage(HttpMethod.Post, link + "?handler=Change")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__af"] = AntiforgeryField().Match(html).Groups[1].Value,
                ["ShipmentId"] = ShipmentIdField().Match(html).Groups[1].Value,
                ["Kind"] = "SafePlace",
                ["SafePlace"] = "Behind the garage",
            }),
        };
        request.Headers.Add("Cookie", cookie);

        var posted = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await Eventually.Get(
            async () => WebUtility.HtmlDecode(await client.GetStringAsync(link)),
            p => p?.Contains("data-state=\"Refused\"", StringComparison.Ordinal) == true, "the carrier's refusal on the page");
        Assert.Contains("Refused: Safe places are not offered in this area.", page);
    }

    [Fact]
    public async Task OutForDelivery_OffersNoChanges_AndSaysWhy()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        await platform.ScanAsync(order, tracking, "OUT_FOR_DELIVERY", "2026-11-23T08:00:00+01:00");

        var page = WebUtility.HtmlDecode(await platform.WebClient().GetStringAsync(platform.LinkFor(order)));

        Assert.DoesNotContain("class=\"change-form\"", page);
        Assert.Contains("Changes are no longer possible", page);
    }

    [Fact]
    public async Task ChangeForAnotherOrdersShipment_IsRefused()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        var (other, otherTracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        await platform.RegisterOrderAsync(other, otherTracking);
        var client = platform.WebClient();
        var otherShipment = ShipmentIdField().Match(await client.GetStringAsync(platform.LinkFor(other))).Groups[1].Value;
        var link = platform.LinkFor(order);
        var form = await client.GetAsync(link);
        var html = await form.Content.ReadAsStringAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, link + "?handler=Change")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__af"] = AntiforgeryField().Match(html).Groups[1].Value, ["ShipmentId"] = otherShipment,
                ["Kind"] = "Neighbour", ["NeighbourName"] = "Max", ["NeighbourHouseNumber"] = "3",
            }),
        };
        request.Headers.Add("Cookie", form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("__shipping-af", StringComparison.Ordinal)).Split(';')[0]);

        var posted = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"ShipmentId\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex ShipmentIdField();
}
