using Microsoft.Playwright;
using Shipping.Testing;
using Shipping.Web.Console;
using Shipping.Web.Tests.Infrastructure;

namespace Shipping.Web.Tests.Console;

/// <summary>
/// The support agent's journey in a real browser (Debian's chromium, driven by Playwright): sign in with password and
/// TOTP, search by the customer's phone number written nationally, open the order, and find on its timeline the carrier's
/// scan, the SMS alert (sent through the fake Twilio, with its delivery status) and the customer's reply asking for a new
/// date. A screenshot of each step goes to <see cref="BrowserTest.ScreenshotFolder"/> (<c>agent-*.png</c>).
/// </summary>
[Collection(ConsolePlatformCollection.Name)]
public sealed class AgentJourneyTests(ConsolePlatformFixture platform) : BrowserTest
{
    [Fact]
    public async Task Agent_SignsInWithTotp_FindsTheOrderByPhone_AndSeesTheScanTheAlertAndTheCustomersRequest()
    {
        // A delayed parcel: Notifications sends an SMS (fake Twilio reports it delivered), the customer replies "1" (a new date).
        var (order, tracking, phone) = (ConsolePlatformFixture.NewOrderNumber(), ConsolePlatformFixture.NewTrackingNumber(), ConsolePlatformFixture.NewPhone());
        await platform.RegisterOrderAsync(order, tracking, phone);
        var alert = await platform.DelayWithSmsAsync(order, tracking, DateTimeOffset.UtcNow.AddHours(-2));
        await platform.TwilioStatusAsync(alert, phone, "sent");
        await platform.TwilioStatusAsync(alert, phone, "delivered");
        await ConsolePlatformFixture.UntilAsync(async () => (await platform.AlertsAsync(order)).Any(a => a.AlertId == alert.AlertId && a.State == "Delivered"), "the delivered SMS");
        Assert.Contains("<Message>", await platform.InboundSmsAsync(phone, "1"));
        var agent = await platform.NewAgentAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");

        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);

        // 1. Password, then the second factor (enrolled at this first sign-in).
        await ConsoleSignIn.SignInAsync(page, platform.WebAddress, agent);
        Assert.Contains("Signed in as Anna Agent.", await page.GetByTestId("console-home").InnerTextAsync());
        await Screenshot(page, "agent-1-signed-in");

        // 2. Search by the phone number as the customer says it on the phone: 0151 1234 5678.
        await page.GetByLabel("Brand").SelectOptionAsync("acme");
        await page.GetByLabel("Order number, tracking number, email or phone").FillAsync($"0{phone[3..6]} {phone[6..10]} {phone[10..]}");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.DoesNotContain(phone, page.Url);
        var result = page.GetByTestId("result");
        Assert.Equal(1, await result.CountAsync());
        Assert.Contains($"+49 *** **{phone[^2..]}", await result.InnerTextAsync());
        await Screenshot(page, "agent-2-search-results");

        // 3. The order, its timeline newest first: the customer's request, the alert with its status, the scan.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = order }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/console/acme/orders/{order}", StringComparison.Ordinal));
        var timeline = page.GetByTestId("timeline");
        for (var attempt = 0; attempt < 40 && await timeline.Locator("li[data-kind=DeliveryChangeRequested]").CountAsync() == 0; attempt++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }

        var request = timeline.Locator("li[data-kind=DeliveryChangeRequested]");
        Assert.Equal(1, await request.CountAsync());
        Assert.Contains("by customer:sms", await request.InnerTextAsync());
        Assert.Contains("NewDate", await request.InnerTextAsync());

        var sms = timeline.Locator("li[data-kind=AlertSent]").Filter(new LocatorFilterOptions { HasText = alert.Trigger });
        Assert.Equal(1, await sms.CountAsync());
        Assert.Contains("Status: Delivered", await sms.GetByTestId("alert-status").InnerTextAsync());

        var scan = timeline.Locator("li[data-kind=CarrierScan]");
        Assert.Equal(1, await scan.CountAsync());
        await scan.Locator("summary").ClickAsync();
        Assert.Contains("IN_TRANSIT", await scan.InnerTextAsync());
        Assert.Contains("IN_TRANSIT at the Leipzig hub", await scan.InnerTextAsync());
        await sms.Locator("summary").ClickAsync();
        await Screenshot(page, "agent-3-order-timeline");

        // 4. The brand's dashboard for today: the alert counted, charts drawn as SVG with their tables.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Dashboard" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/console/dashboard");
        Assert.True(int.Parse(await page.GetByTestId("alerts-sent").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(5, await page.Locator("figure.chart").CountAsync());
        Assert.True(await page.Locator("svg[role=img] title").CountAsync() >= 4);
        await Screenshot(page, "agent-4-dashboard");

        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.All(requested, url => Assert.StartsWith(platform.WebAddress.GetLeftPart(UriPartial.Authority), url, StringComparison.Ordinal));
    }

    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTest.ScreenshotFolder, name + ".png"), FullPage = true });
}
