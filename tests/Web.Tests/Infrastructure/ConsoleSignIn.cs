using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;

namespace Shipping.Web.Tests.Infrastructure;

/// <summary>
/// A console account as a test knows it: email and password, and once enrolled the TOTP secret the enrolment page showed.
/// It remembers the last time step it used, so signing in again never replays a code (the console refuses that).
/// </summary>
public sealed class ConsoleAccount(string email, string password)
{
    public string Email { get; } = email;

    public string Password { get; set; } = password;

    /// <summary>The base32 secret read from the enrolment page; null until enrolled.</summary>
    public string? TotpSecret { get; set; }

    public long LastStep { get; set; }

    /// <summary>The agent's id, when the test knows it.</summary>
    public Guid AgentId { get; set; }

    /// <summary>
    /// A code the console has not seen yet: the current step's, or the next one's (the console accepts one step of drift),
    /// waiting for a later step when both were used.
    /// </summary>
    public async Task<string> NextCodeAsync()
    {
        var secret = TotpSecret ?? throw new InvalidOperationException($"{Email} has no second factor enrolled yet.");
        while (true)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            var step = Math.Max(now, LastStep + 1);
            if (step <= now + 1)
            {
                LastStep = step;
                return new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}

/// <summary>
/// Signing in to the console over HTTP (an <see cref="HttpClient"/> with a cookie container, redirects not followed) or in a
/// browser (Playwright): password, then the code, or enrolling a second factor the first time (the secret is read from the
/// page and kept in the <see cref="ConsoleAccount"/>).
/// </summary>
public static partial class ConsoleSignIn
{
    public const string RefusedMessage = "Sign-in failed.";

    /// <summary>A client of Web with its own cookies, not following redirects.</summary>
    public static HttpClient NewClient(Uri webAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = webAddress };

    /// <summary>A client signed in as <paramref name="account"/> (password and second factor).</summary>
    public static async Task<HttpClient> SignInAsync(Uri webAddress, ConsoleAccount account)
    {
        var client = NewClient(webAddress);
        var password = await PasswordAsync(client, account);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var done = await SecondFactorAsync(client, account, password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/console", done.Headers.Location!.OriginalString);
        return client;
    }

    /// <summary>The password step; a redirect to the code or enrolment page when it passed.</summary>
    public static Task<HttpResponseMessage> PasswordAsync(HttpClient client, ConsoleAccount account, string? password = null) =>
        PostFormAsync(client, "/console/signin", new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = password ?? account.Password });

    /// <summary>
    /// The second step after <see cref="PasswordAsync"/>: at <c>/console/signin/enrol</c> reads the secret and enrols it, at
    /// <c>/console/signin/code</c> enters a fresh code; then, when the account still has the temporary password an admin
    /// handed over, chooses a new one (kept in <paramref name="account"/>) unless <paramref name="keepTemporaryPassword"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> SecondFactorAsync(HttpClient client, ConsoleAccount account, string stepPath, string? code = null, bool keepTemporaryPassword = false)
    {
        var page = await client.GetStringAsync(stepPath);
        if (stepPath.EndsWith("/enrol", StringComparison.Ordinal))
        {
            account.TotpSecret = SecretOf(page);
            account.LastStep = 0;
        }

        var response = await PostFormAsync(client, stepPath, new Dictionary<string, string> { ["Code"] = code ?? await account.NextCodeAsync() }, page);
        return response.Headers.Location?.OriginalString == NewPasswordPath && !keepTemporaryPassword
            ? await NewPasswordAsync(client, account)
            : response;
    }

    public const string NewPasswordPath = "/console/signin/password";

    /// <summary>The step replacing a temporary password: a new one, remembered in <paramref name="account"/>.</summary>
    public static async Task<HttpResponseMessage> NewPasswordAsync(HttpClient client, ConsoleAccount account)
    {
        var password = $"own-{Guid.NewGuid():N}";
        var response = await PostFormAsync(client, NewPasswordPath, new Dictionary<string, string> { ["NewPassword"] = password, ["RepeatPassword"] = password });
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            account.Password = password;
        }

        return response;
    }

    /// <summary>Posts a form of the page at <paramref name="path"/> with its anti-forgery token (read from <paramref name="page"/> or fetched).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IDictionary<string, string> fields, string? page = null)
    {
        page ??= await client.GetStringAsync(path);
        var form = new Dictionary<string, string>(fields) { ["__af"] = AntiforgeryToken(page) };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static string AntiforgeryToken(string html) =>
        AntiforgeryField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no anti-forgery token.");

    /// <summary>The TOTP secret the enrolment page shows as text (in groups of four).</summary>
    public static string SecretOf(string enrolmentPage) =>
        SecretText().Match(enrolmentPage) is { Success: true } match ? match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal) : throw new InvalidOperationException("The page shows no TOTP secret.");

    /// <summary>Signs <paramref name="account"/> in in the browser (enrolling, and replacing a temporary password, as needed); the page ends on <c>/console</c>.</summary>
    public static async Task SignInAsync(IPage page, Uri webAddress, ConsoleAccount account)
    {
        await page.GotoAsync(new Uri(webAddress, "/console/signin").ToString());
        await page.GetByLabel("Email").FillAsync(account.Email);
        await page.GetByLabel("Password").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Continue" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        if (page.Url.EndsWith("/console/signin/enrol", StringComparison.Ordinal))
        {
            account.TotpSecret = (await page.GetByTestId("totp-secret").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).Trim();
            account.LastStep = 0;
        }

        await page.GetByLabel("Code").FillAsync(await account.NextCodeAsync());
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath is "/console" or NewPasswordPath);
        if (new Uri(page.Url).AbsolutePath == NewPasswordPath)
        {
            var password = $"own-{Guid.NewGuid():N}";
            await page.GetByLabel("New password", new PageGetByLabelOptions { Exact = true }).FillAsync(password);
            await page.GetByLabel("New password again").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save and sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/console");
            account.Password = password;
        }
    }

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("data-testid=\"totp-secret\">([A-Z2-7 ]+)<")]
    private static partial Regex SecretText();
}
