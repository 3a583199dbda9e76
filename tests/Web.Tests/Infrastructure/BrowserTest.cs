using Microsoft.Playwright;

namespace Shipping.Web.Tests.Infrastructure;

/// <summary>
/// A test class with a real browser: Debian's chromium (installed by the test command), driven by Playwright, headless and
/// with the flags these machines need (no sandbox as root; no background connections, which the closed network refuses).
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary><c>TestResults/screenshots</c> beside the test assembly, or <c>$WEB_TEST_SCREENSHOTS</c>.</summary>
    public static readonly string ScreenshotFolder = Environment.GetEnvironmentVariable("WEB_TEST_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser starts in InitializeAsync.");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
