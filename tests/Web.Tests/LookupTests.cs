using System.Net;
using System.Text.RegularExpressions;
using Shipping.Web.Tests.Infrastructure;

namespace Shipping.Web.Tests;

/// <summary>Finding an order by number plus postcode or email: one answer for every miss, and only a few tries a minute.</summary>
[Collection(WebPlatformCollection.Name)]
public partial class LookupTests(WebPlatformFixture platform)
{
    [Fact]
    public async Task Lookup_LeadsToTheTrackingPage_GivesOneAnswerForEveryMiss_AndIsRateLimited()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        var client = platform.WebClient();

        async Task<HttpResponseMessage> Post(string orderNumber, string? postcode, string? email)
        {
            var form = await client.GetAsync("/acme/lookup");
            var html = await form.Content.ReadAsStringAsync();
            var token = AntiforgeryField().Match(html).Groups[1].Value;
            var cookie = form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("__shipping-af", StringComparison.Ordinal)).Split(';')[0];
            var request = new HttpRequestMessage(HttpMethod.Post, "/acme/lookup")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__af"] = token, ["OrderNumber"] = orderNumber, ["Postcode"] = postcode ?? "", ["Email"] = email ?? "",
                }),
            };
            request.Headers.Add("Cookie", cookie);
            return await client.SendAsync(request);
        }

        var byPostcode = await Post(order, "10 115", null);
        var byEmail = await Post(order, null, "ERIKA@example.com");
        var misses = new[] { await Post(order, "99999", null), await Post(order, null, "someone@example.com"), await Post("NO-SUCH-ORDER", "10115", null) };
        var limited = await Post(order, "10115", null);
        for (var tries = 6; tries <= WebPlatformFixture.LookupsPerMinute && limited.StatusCode != (HttpStatusCode)429; tries++)
        {
            limited = await Post(order, "10115", null);
        }

        Assert.Equal(HttpStatusCode.Redirect, byPostcode.StatusCode);
        Assert.StartsWith("/t/", byPostcode.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, byEmail.StatusCode);
        var page = await client.GetStringAsync(byPostcode.Headers.Location);
        Assert.Contains($"Order {order}", page);
        var answers = await Task.WhenAll(misses.Select(async m => (m.StatusCode, Body: Normalise(await m.Content.ReadAsStringAsync()))));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers, a => Assert.Contains("data-testid=\"lookup-not-found\"", a.Body));
        Assert.Single(answers.Select(a => a.Body.Replace(order, "", StringComparison.Ordinal).Replace("NO-SUCH-ORDER", "", StringComparison.Ordinal)).Distinct());
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
    }

    /// <summary>The page without its per-request anti-forgery token.</summary>
    private static string Normalise(string html) => AntiforgeryField().Replace(html, "");

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
