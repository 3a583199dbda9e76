using Microsoft.Playwright;
using Shipping.Web.Tests.Infrastructure;

namespace Shipping.Web.Tests;

/// <summary>Signing in to the console in a real browser (Debian's chromium): enrolment with the QR code page, then a code.</summary>
[Collection(WebPlatformCollection.Name)]
public sealed class ConsoleBrowserTests(WebPlatformFixture platform) : BrowserTest
{
    [Fact]
    public async Task Agent_EnrolsWithTheQrCodePage_ChoosesAPassword_ThenSignsInWithACode_WithoutAnyPolicyViolation()
    {
        var agent = await platform.NewAgentAsync("agent", "acme");
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        var violations = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        // Not signed in: the console leads to the sign-in page.
        await page.GotoAsync(new Uri(platform.WebAddress, "/console").ToString());
        Assert.Equal("/console/signin", new Uri(page.Url).AbsolutePath);
        await page.GetByLabel("Email").FillAsync(agent.Email);
        await page.GetByLabel("Password").FillAsync(agent.Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/console/signin/enrol");

        // The QR code is an image the browser decoded (a data: URI, nothing fetched), the key is there as text.
        Assert.True(await page.GetByTestId("totp-qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"));
        await Screenshot(page, "console-1-enrol");
        agent.TotpSecret = (await page.GetByTestId("totp-secret").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).Trim();
        await page.GetByLabel("Code").FillAsync(await agent.NextCodeAsync());
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Confirm and sign in" }).ClickAsync();

        // The temporary password the admin handed over gives way to the agent's own.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == ConsoleSignIn.NewPasswordPath);
        await Screenshot(page, "console-2-own-password");
        agent.Password = "a phrase of several words";
        await page.GetByLabel("New password", new PageGetByLabelOptions { Exact = true }).FillAsync(agent.Password);
        await page.GetByLabel("New password again").FillAsync(agent.Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save and sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/console");
        Assert.StartsWith("Agent ", await page.GetByTestId("agent-name").InnerTextAsync());
        await Screenshot(page, "console-3-signed-in");

        // Sign out, and in again with a code (the shared helper).
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/console/signin");
        await ConsoleSignIn.SignInAsync(page, platform.WebAddress, agent);
        Assert.True(await page.GetByTestId("console-nav").IsVisibleAsync());
        Assert.Equal(0, await page.GetByTestId("nav-admin").CountAsync());

        Assert.Empty(violations);
        Assert.All(requested, url => Assert.StartsWith(platform.WebAddress.GetLeftPart(UriPartial.Authority), url, StringComparison.Ordinal));
    }

    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTest.ScreenshotFolder, name + ".png"), FullPage = true });
}
