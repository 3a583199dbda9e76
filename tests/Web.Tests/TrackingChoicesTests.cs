using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Shipping.Contracts.Api;
using Shipping.Testing;
using Shipping.Timeline.Shipments;
using Shipping.Web.Tests.Infrastructure;

namespace Shipping.Web.Tests;

/// <summary>What the page offers comes from Timeline: the carrier's dates, its and the retailer's parcel shops; and the rating after delivery.</summary>
[Collection(WebPlatformCollection.Name)]
public partial class TrackingChoicesTests(WebPlatformFixture platform)
{
    private async Task<ShipmentDetails> OfferedAsync(string order, string tracking)
    {
        var id = ShipmentView.IdFor(order, "simulator", tracking);
        return await Eventually.Get(
            () => platform.TimelineClient().GetFromJsonAsync<ShipmentDetails>($"/api/shipments/{id}", WebPlatformFixture.Json),
            d => d?.DeliveryOptions.ParcelShops?.Count > 0, "the simulator's offer recorded by Timeline");
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string link, string handler, Dictionary<string, string> fields, bool withToken = true)
    {
        var form = await client.GetAsync(link);
        var html = await form.Content.ReadAsStringAsync();
        if (withToken)
        {
            fields["__af"] = AntiforgeryField().Match(html).Groups[1].Value;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, $"{link}?handler={handler}") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("__shipping-af", StringComparison.Ordinal)).Split(';')[0]);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task NewDateForm_OffersExactlyTimelinesDates_AndTheShopsAreARadioListWithLabels()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        var offered = (await OfferedAsync(order, tracking)).DeliveryOptions;

        var page = WebUtility.HtmlDecode(await platform.WebClient().GetStringAsync(platform.LinkFor(order)));

        var select = DateSelect().Match(page).Groups[1].Value;
        Assert.Equal(offered.OfferedDates!.Select(d => d.ToString("yyyy-MM-dd")), DateOption().Matches(select).Select(m => m.Groups[1].Value));
        var radios = ShopRadio().Matches(page).ToList();
        Assert.Equal(offered.ParcelShops!.Select(s => s.Id), radios.Select(r => r.Groups[2].Value));
        foreach (var radio in radios)
        {
            var inputId = radio.Groups[1].Value;
            Assert.Contains($"<label for=\"{inputId}\">", page);
            Assert.Contains($"id=\"{inputId}-details\"", page);
        }

        Assert.Contains("Kiosk am Marienplatz", page);
        Assert.Contains("Marienplatz 8, 80331 München", page);
        Assert.Contains("Opening hours: Mo–Sa 07:00–20:00", page);
        Assert.Contains("<legend>Parcel shop or locker</legend>", page);
    }

    [Fact]
    public async Task ParcelShopChosen_GoesToTheCarrier_AndItsConfirmationIsShown()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        var shipment = await OfferedAsync(order, tracking);
        var link = platform.LinkFor(order);
        var client = platform.WebClient();

        var posted = await PostAsync(client, link, "Change", new()
        {
            ["ShipmentId"] = shipment.ShipmentId.ToString(), ["Kind"] = "ParcelShop", ["ParcelShopId"] = shipment.DeliveryOptions.ParcelShops![0].Id,
        });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        await Eventually.Get(async () => await client.GetStringAsync(link), p => p?.Contains("data-state=\"Confirmed\"", StringComparison.Ordinal) == true,
            "the carrier's confirmation on the page");
    }

    [Fact]
    public async Task Rating_IsOfferedOnlyAfterDelivery_ThenSentAndShown()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        var link = platform.LinkFor(order);
        var client = platform.WebClient();
        var before = await client.GetStringAsync(link);
        await platform.ScanAsync(order, tracking, "DELIVERED", DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O"));
        var form = WebUtility.HtmlDecode(await client.GetStringAsync(link));

        var withoutToken = await PostAsync(client, link, "Rate", new() { ["Stars"] = "4" }, withToken: false);
        var noStars = await PostAsync(client, link, "Rate", new() { ["Comment"] = "Fine" });
        var rated = await PostAsync(client, link, "Rate", new() { ["Stars"] = "4", ["Comment"] = "Quick, but the box was wet." });
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(rated.Headers.Location!.OriginalString));

        Assert.DoesNotContain("class=\"rating-form\"", before);
        Assert.Equal(5, StarRadio().Matches(form).Count);
        Assert.Contains("<label for=\"stars-4\"><span aria-hidden=\"true\">★★★★</span> <span class=\"stars-text\">4 of 5 stars</span></label>", form);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Contains("ratingInvalid=true", noStars.Headers.Location!.OriginalString);
        Assert.Contains("rated=true", rated.Headers.Location!.OriginalString);
        Assert.Contains("Thank you for your rating.", page);
        Assert.Contains("Your rating: 4 of 5 stars", page);
        Assert.Contains("Your comment: Quick, but the box was wet.", page);
        var tracked = await platform.TimelineClient().GetAsync($"/api/orders/{order}/history");
        Assert.Contains("4 of 5 stars", await tracked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RatingForm_SpeaksGerman()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking, locale: "de-DE");
        await platform.ScanAsync(order, tracking, "DELIVERED", DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O"));

        var page = WebUtility.HtmlDecode(await platform.WebClient().GetStringAsync(platform.LinkFor(order)));

        Assert.Contains("Lieferung bewerten", page);
        Assert.Contains("3 von 5 Sternen", page);
        Assert.Contains("Bewertung senden", page);
    }

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<select id=\"date-[0-9a-f]+\" name=\"Date\" required>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex DateSelect();

    [GeneratedRegex("<option value=\"([0-9-]+)\">")]
    private static partial Regex DateOption();

    [GeneratedRegex("<input type=\"radio\" id=\"(shop-[0-9a-f]+-[0-9]+)\" name=\"ParcelShopId\" value=\"([^\"]+)\"")]
    private static partial Regex ShopRadio();

    [GeneratedRegex("<input type=\"radio\" id=\"stars-[1-5]\" name=\"Stars\"")]
    private static partial Regex StarRadio();
}
