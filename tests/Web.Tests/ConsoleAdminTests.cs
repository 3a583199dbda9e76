using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Web.Console;
using Shipping.Web.Tests.Infrastructure;

namespace Shipping.Web.Tests;

/// <summary>The console's admin pages: agents, brands and the audit log, over HTTP as an admin uses them.</summary>
[Collection(WebPlatformCollection.Name)]
public sealed partial class ConsoleAdminTests(WebPlatformFixture platform)
{
    [Fact]
    public async Task NewAgent_GetsATemporaryPasswordShownOnce_EnrolsAndReplacesItAtFirstSignIn_AndWorksForItsBrandsOnly()
    {
        var agent = await platform.NewAgentAsync("agent", "acme");
        var temporary = agent.Password;
        var admin = await platform.AdminClientAsync();

        var list = await admin.GetStringAsync("/console/admin/agents");
        Assert.Contains(agent.Email, list);
        Assert.DoesNotContain(agent.Password, list);
        Assert.Contains("not enrolled", Row(list, agent.AgentId));

        using var client = ConsoleSignIn.NewClient(platform.WebAddress);
        var password = await ConsoleSignIn.PasswordAsync(client, agent);
        Assert.Equal("/console/signin/enrol", password.Headers.Location!.OriginalString);
        var enrolled = await ConsoleSignIn.SecondFactorAsync(client, agent, "/console/signin/enrol", keepTemporaryPassword: true);
        Assert.Equal(ConsoleSignIn.NewPasswordPath, enrolled.Headers.Location!.OriginalString);
        // No session until the temporary password is replaced, and not by itself or by a short one.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/console")).StatusCode);
        foreach (var unfit in new[] { temporary, "short-one" })
        {
            var refused = await ConsoleSignIn.PostFormAsync(client, ConsoleSignIn.NewPasswordPath, new Dictionary<string, string> { ["NewPassword"] = unfit, ["RepeatPassword"] = unfit });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("data-testid=\"password-problem\"", await refused.Content.ReadAsStringAsync());
        }

        var replaced = await ConsoleSignIn.NewPasswordAsync(client, agent);
        Assert.Equal("/console", replaced.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/console")).StatusCode);
        using (var withTemporary = ConsoleSignIn.NewClient(platform.WebAddress))
        {
            Assert.Equal(HttpStatusCode.OK, (await ConsoleSignIn.PasswordAsync(withTemporary, agent, temporary)).StatusCode);
        }

        var principal = await SignedInUserAsync(agent);
        Assert.True(principal.CanAccessTenant("acme"));
        Assert.False(principal.CanAccessTenant("globex"));
        Assert.Contains("active", Row(await admin.GetStringAsync("/console/admin/agents"), agent.AgentId));
        var created = await AuditAsync(new AuditQuery(AgentId: Shipping.Web.Console.Agents.BootstrapAdmin.Id.ToString()));
        Assert.Contains(created, e => e.Action == AuditActions.AgentCreated && e.Detail!.Contains(agent.AgentId.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(created, e => (e.Detail ?? "").Contains(agent.Email, StringComparison.Ordinal) || (e.Detail ?? "").Contains(temporary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewAgent_WithBadFields_IsRefusedNamingThem_AndNothingIsCreated()
    {
        var admin = await platform.AdminClientAsync();
        var before = (await platform.Web.Services.GetRequiredService<Shipping.Web.Console.Agents.AgentDirectory>().ListAsync(default)).Count;

        var response = await ConsoleSignIn.PostFormAsync(admin, "/console/admin/agents", new Dictionary<string, string>
        {
            ["Email"] = "not-an-email", ["Name"] = "", ["Role"] = "agent", ["OtherTenants"] = "Not A Tenant!",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"error-Email\"", html);
        Assert.Contains("data-testid=\"error-Name\"", html);
        Assert.Contains("data-testid=\"error-Tenants\"", html);
        Assert.DoesNotContain("temporary-password", html);
        Assert.Equal(before, (await platform.Web.Services.GetRequiredService<Shipping.Web.Console.Agents.AgentDirectory>().ListAsync(default)).Count);
    }

    [Fact]
    public async Task DisablingAnAgent_EndsItsSession_AndRefusesItsSignIn_UntilEnabled()
    {
        var agent = await platform.NewAgentAsync("agent", "acme");
        using var session = await ConsoleSignIn.SignInAsync(platform.WebAddress, agent);
        var admin = await platform.AdminClientAsync();

        var disabled = await ConsoleSignIn.PostFormAsync(admin, $"/console/admin/agents/{agent.AgentId}?handler=Disable", new Dictionary<string, string>(),
            await admin.GetStringAsync($"/console/admin/agents/{agent.AgentId}"));
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Contains("disabled", Status(await disabled.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/console")).StatusCode);
        using var again = ConsoleSignIn.NewClient(platform.WebAddress);
        var refused = await ConsoleSignIn.PasswordAsync(again, agent);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(ConsoleSignIn.RefusedMessage, await refused.Content.ReadAsStringAsync());

        await ConsoleSignIn.PostFormAsync(admin, $"/console/admin/agents/{agent.AgentId}?handler=Enable", new Dictionary<string, string>(),
            await admin.GetStringAsync($"/console/admin/agents/{agent.AgentId}"));
        using var enabled = await ConsoleSignIn.SignInAsync(platform.WebAddress, agent);
        Assert.Equal(HttpStatusCode.OK, (await enabled.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task ResettingTheSecondFactor_EndsTheSession_AndTheAgentEnrolsANewOne()
    {
        var agent = await platform.NewAgentAsync("agent", "acme");
        using var session = await ConsoleSignIn.SignInAsync(platform.WebAddress, agent);
        var oldSecret = agent.TotpSecret;
        var admin = await platform.AdminClientAsync();

        await ConsoleSignIn.PostFormAsync(admin, $"/console/admin/agents/{agent.AgentId}?handler=ResetTotp", new Dictionary<string, string>(),
            await admin.GetStringAsync($"/console/admin/agents/{agent.AgentId}"));

        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/console")).StatusCode);
        using var client = ConsoleSignIn.NewClient(platform.WebAddress);
        var password = await ConsoleSignIn.PasswordAsync(client, agent);
        Assert.Equal("/console/signin/enrol", password.Headers.Location!.OriginalString);
        var done = await ConsoleSignIn.SecondFactorAsync(client, agent, "/console/signin/enrol");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.NotEqual(oldSecret, agent.TotpSecret);
    }

    [Fact]
    public async Task LockedAgent_IsUnlockedByAnAdmin()
    {
        var agent = await platform.NewAgentAsync("agent", "acme");
        await ConsoleSignIn.SignInAsync(platform.WebAddress, agent);
        using var client = ConsoleSignIn.NewClient(platform.WebAddress);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await ConsoleSignIn.PasswordAsync(client, agent, "wrong-password");
        }

        var admin = await platform.AdminClientAsync();
        Assert.Contains("locked", Status(await admin.GetStringAsync($"/console/admin/agents/{agent.AgentId}")));
        var unlocked = await ConsoleSignIn.PostFormAsync(admin, $"/console/admin/agents/{agent.AgentId}?handler=Unlock", new Dictionary<string, string>(),
            await admin.GetStringAsync($"/console/admin/agents/{agent.AgentId}"));

        Assert.Contains("active", Status(await unlocked.Content.ReadAsStringAsync()));
        using var signedIn = await ConsoleSignIn.SignInAsync(platform.WebAddress, agent);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task ChangingTheBrands_EndsTheSession_AndTheNextOneCarriesTheNewBrands()
    {
        var agent = await platform.NewAgentAsync("agent", "acme");
        using var session = await ConsoleSignIn.SignInAsync(platform.WebAddress, agent);
        var admin = await platform.AdminClientAsync();

        var changed = await ConsoleSignIn.PostFormAsync(admin, $"/console/admin/agents/{agent.AgentId}?handler=Update", new Dictionary<string, string>
        {
            ["Role"] = "agent", ["OtherTenants"] = "globex, acme",
        }, await admin.GetStringAsync($"/console/admin/agents/{agent.AgentId}"));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/console")).StatusCode);
        var principal = await SignedInUserAsync(agent);
        Assert.True(principal.CanAccessTenant("globex"));
        Assert.True(principal.CanAccessTenant("acme"));
    }

    [Fact]
    public async Task NewTemporaryPassword_ReplacesTheOldOne()
    {
        var agent = await platform.NewAgentAsync("agent", "acme");
        var admin = await platform.AdminClientAsync();

        var reset = await ConsoleSignIn.PostFormAsync(admin, $"/console/admin/agents/{agent.AgentId}?handler=ResetPassword", new Dictionary<string, string>(),
            await admin.GetStringAsync($"/console/admin/agents/{agent.AgentId}"));
        var newPassword = WebUtility.HtmlDecode(TemporaryPassword().Match(await reset.Content.ReadAsStringAsync()).Groups[1].Value);

        Assert.NotEmpty(newPassword);
        using var client = ConsoleSignIn.NewClient(platform.WebAddress);
        Assert.Equal(HttpStatusCode.OK, (await ConsoleSignIn.PasswordAsync(client, agent)).StatusCode);
        agent.Password = newPassword;
        Assert.Equal(HttpStatusCode.Redirect, (await ConsoleSignIn.PasswordAsync(client, agent)).StatusCode);
    }

    [Fact]
    public async Task Brand_IsEditedThroughTimeline_AndBadFieldsAreNamed()
    {
        var admin = await platform.AdminClientAsync();
        var tenant = "brand-" + Guid.NewGuid().ToString("N")[..8];
        var page = await admin.GetStringAsync($"/console/admin/brands/{tenant}");

        var bad = await ConsoleSignIn.PostFormAsync(admin, $"/console/admin/brands/{tenant}", Brand("Nordlicht Mode", "blue"), page);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("data-testid=\"error-PrimaryColour\"", await bad.Content.ReadAsStringAsync());

        var saved = await ConsoleSignIn.PostFormAsync(admin, $"/console/admin/brands/{tenant}", Brand("Nordlicht Mode", "#123456"), page);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("data-testid=\"done\"", await saved.Content.ReadAsStringAsync());

        using var timeline = platform.Timeline.CreateClient();
        timeline.DefaultRequestHeaders.Add("X-Service-Key", WebPlatformFixture.ServiceKey);
        timeline.DefaultRequestHeaders.Add("X-Tenant-Id", tenant);
        var brand = await timeline.GetFromJsonAsync<Shipping.Contracts.BrandSettings>("/api/brand", WebPlatformFixture.Json);
        Assert.Equal("Nordlicht Mode", brand!.Name);
        Assert.Equal("#123456", brand.PrimaryColour);
        Assert.Equal(["de", "en"], brand.Languages);
        Assert.Equal("+49301234567", brand.Support.Phone);
        var shop = Assert.Single(brand.ParcelShops!);
        Assert.Equal(("store-1", "Berlin", "DE", "retailer"), (shop.Id, shop.City, shop.CountryCode, shop.Source));
        Assert.Contains(tenant, await admin.GetStringAsync("/console/admin/brands"));
        Assert.Contains(await AuditAsync(new AuditQuery(Tenant: tenant)), e => e.Action == AuditActions.BrandChanged);
    }

    [Fact]
    public async Task AuditLog_ShowsSignInsAndAdminActions_FilteredByAgentAndPeriod()
    {
        var agent = await platform.NewAgentAsync("agent", "acme");
        await ConsoleSignIn.SignInAsync(platform.WebAddress, agent);
        using (var wrong = ConsoleSignIn.NewClient(platform.WebAddress))
        {
            await ConsoleSignIn.PasswordAsync(wrong, agent, "wrong-password");
        }

        var admin = await platform.AdminClientAsync();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var mine = await admin.GetStringAsync($"/console/admin/audit?agent={agent.AgentId}&from={today}&to={today}");
        var actions = ActionCell().Matches(mine).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([AuditActions.SignInFailed, AuditActions.PasswordChanged, AuditActions.SignedIn, AuditActions.SecondFactorEnrolled], actions);
        Assert.DoesNotContain(agent.Email, mine);

        var past = await admin.GetStringAsync($"/console/admin/audit?agent={agent.AgentId}&from=2020-01-01&to=2020-01-31");
        Assert.Empty(ActionCell().Matches(past));
        var backwards = await admin.GetAsync("/console/admin/audit?from=2026-02-01&to=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }

    [Fact]
    public async Task AdminPages_CarryTheStrictPolicy_AndHaveNoInlineScriptOrStyle()
    {
        var admin = await platform.AdminClientAsync();
        foreach (var path in new[] { "/console/admin/agents", $"/console/admin/agents/{Shipping.Web.Console.Agents.BootstrapAdmin.Id}", "/console/admin/brands", "/console/admin/brands/acme", "/console/admin/audit", "/console/signin" })
        {
            var response = path == "/console/signin" ? await ConsoleSignIn.NewClient(platform.WebAddress).GetAsync(path) : await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Shipping.Web.Security.SecurityHeaders.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain("style=", html);
            Assert.DoesNotContain("<style", html);
        }
    }

    private static Dictionary<string, string> Brand(string name, string primary) => new()
    {
        ["Name"] = name, ["LogoUrl"] = "", ["PrimaryColour"] = primary, ["AccentColour"] = "#E07A1F", ["Languages"] = "de, en",
        ["SupportEmail"] = "hilfe@nordlicht.example", ["SupportPhone"] = "+49301234567", ["SupportUrl"] = "https://nordlicht.example/hilfe",
        ["PrivacyPolicyUrl"] = "https://nordlicht.example/datenschutz", ["FaqUrl"] = "",
        ["ParcelShops"] = "store-1 | Nordlicht Mitte | Friedrichstraße 10 | 10117 | Berlin | DE | Mo–Sa 10–20",
    };

    /// <summary>The principal a fresh sign-in of <paramref name="agent"/> gets, read back through the cookie it was given.</summary>
    private async Task<System.Security.Claims.ClaimsPrincipal> SignedInUserAsync(ConsoleAccount agent)
    {
        using var client = ConsoleSignIn.NewClient(platform.WebAddress);
        var password = await ConsoleSignIn.PasswordAsync(client, agent);
        var done = await ConsoleSignIn.SecondFactorAsync(client, agent, password.Headers.Location!.OriginalString);
        var cookie = Assert.Single(done.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ConsoleAuth.CookieName + "=", StringComparison.Ordinal));
        var value = cookie[(ConsoleAuth.CookieName.Length + 1)..cookie.IndexOf(';', StringComparison.Ordinal)];
        var options = platform.Web.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>().Get(ConsoleAuth.Scheme);
        var ticket = options.TicketDataFormat.Unprotect(Uri.UnescapeDataString(value));
        return Assert.IsType<System.Security.Claims.ClaimsPrincipal>(ticket?.Principal);
    }

    private Task<IReadOnlyList<AuditEntry>> AuditAsync(AuditQuery query) => platform.Web.Services.GetRequiredService<IAuditLog>().ReadAsync(query);

    private static string Row(string html, Guid agentId) =>
        Regex.Match(html, $"<tr data-agent=\"{agentId}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;

    private static string Status(string html) => Regex.Match(html, "data-testid=\"status\">([^<]*)<").Groups[1].Value;

    [GeneratedRegex("data-testid=\"temporary-password\">([^<]+)<")]
    private static partial Regex TemporaryPassword();

    [GeneratedRegex("data-testid=\"action\">([^<]+)<")]
    private static partial Regex ActionCell();
}
