using Microsoft.Playwright;
using Shipping.Web.Tests.Infrastructure;

namespace Shipping.Web.Tests;

/// <summary>
/// The customer's journey in a real browser (Debian's chromium, driven by Playwright): from the link in an alert to a
/// delivery to a neighbour that the carrier confirmed. A screenshot of each step goes to <see cref="ScreenshotFolder"/>.
/// </summary>
[Collection(WebPlatformCollection.Name)]
public sealed class CustomerJourneyTests(WebPlatformFixture platform) : BrowserTest
{
    [Fact]
    public async Task AlertLink_ShowsTheDelay_AndANeighbourDeliveryGoesFromPendingToConfirmed()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        await platform.ScanAsync(order, tracking, "IN_TRANSIT", "2026-11-20T10:00:00+01:00", WebPlatformFixture.Day(6));
        platform.CarrierGate.Hold(tracking);

        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);

        // 1. The link from the alert: status and delay banner.
        await page.GotoAsync(new Uri(platform.WebAddress, platform.LinkFor(order)).ToString());
        Assert.Equal("On its way", (await page.GetByTestId("status").InnerTextAsync()).Trim());
        var banner = page.GetByTestId("delay-banner");
        Assert.True(await banner.IsVisibleAsync());
        Assert.Contains("later than promised", await banner.InnerTextAsync());
        await Screenshot(page, "1-status-and-delay");

        // 2. Ask for delivery to a neighbour.
        await page.GetByText("Deliver to a neighbour").ClickAsync();
        await page.GetByLabel("Neighbour's name").FillAsync("Max Nachbar");
        await page.GetByLabel("Neighbour's house number").FillAsync("3a");
        await Screenshot(page, "2-neighbour-form");
        await page.Locator("form[data-kind=Neighbour] button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

        // 3. It is pending while the carrier has not answered.
        var changes = page.GetByTestId("changes");
        Assert.Contains("Pending", await changes.InnerTextAsync());
        await Screenshot(page, "3-pending");

        // 4. The simulated carrier confirms; the page shows it.
        platform.CarrierGate.Release(tracking);
        var confirmed = false;
        for (var attempt = 0; attempt < 60 && !confirmed; attempt++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
            confirmed = (await page.GetByTestId("changes").InnerTextAsync()).Contains("Confirmed by the carrier", StringComparison.Ordinal);
        }

        Assert.True(confirmed, await page.GetByTestId("changes").InnerTextAsync());
        Assert.Contains("Deliver to a neighbour", await page.GetByTestId("changes").InnerTextAsync());
        await Screenshot(page, "4-confirmed");

        // Nothing was fetched from anywhere but Web itself.
        Assert.All(requested, url => Assert.StartsWith(platform.WebAddress.GetLeftPart(UriPartial.Authority), url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_CanBeUsedWithTheKeyboardAlone_AndLoadsNoScript()
    {
        var (order, tracking) = (WebPlatformFixture.NewOrderNumber(), WebPlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(platform.WebAddress, platform.LinkFor(order)).ToString());

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());
        // Open the neighbour form with the keyboard: every summary and field is reachable by Tab.
        for (var i = 0; i < 30 && (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim() != "Deliver to a neighbour"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("NeighbourName", await page.EvaluateAsync<string>("() => document.activeElement.name"));
        Assert.Equal(0, await page.Locator("script").CountAsync());
        await Screenshot(page, "keyboard-neighbour-form");
    }

    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
