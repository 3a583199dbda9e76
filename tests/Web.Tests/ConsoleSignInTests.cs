using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Web.Console;
using Shipping.Web.Tests.Infrastructure;

namespace Shipping.Web.Tests;

/// <summary>Signing in to the support console: password, then TOTP; refusals that reveal nothing; lockout; no replay.</summary>
[Collection(WebPlatformCollection.Name)]
public sealed class ConsoleSignInTests(WebPlatformFixture platform)
{
    [Fact]
    public async Task PasswordAlone_OpensNoConsolePage()
    {
        var agent = await platform.NewAgentAsync("admin");
        using var client = ConsoleSignIn.NewClient(platform.WebAddress);
        // Enrolled first, so the password leads to the code step.
        await ConsoleSignIn.SignInAsync(platform.WebAddress, agent);

        var password = await ConsoleSignIn.PasswordAsync(client, agent);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/console/signin/code", password.Headers.Location!.OriginalString);
        Assert.Contains(password.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ConsoleAuth.PendingCookieName + "=", StringComparison.Ordinal));
        Assert.DoesNotContain(password.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ConsoleAuth.CookieName + "=", StringComparison.Ordinal));

        var pages = ConsolePaths();
        Assert.Contains("/console", pages);
        Assert.Contains("/console/admin/agents", pages);
        Assert.Contains("/console/admin/audit", pages);
        foreach (var path in pages)
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = method == HttpMethod.Post ? new FormUrlEncodedContent([]) : null });
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path}: {(int)response.StatusCode}");
                Assert.Equal("/console/signin", new Uri(platform.WebAddress, response.Headers.Location!).AbsolutePath);
            }
        }
    }

    [Fact]
    public async Task Enrolment_ShowsAQrCodeAndTheSecret_AndAConfirmedCodeSignsIn()
    {
        var agent = await platform.NewAgentAsync("agent", "acme");
        using var client = ConsoleSignIn.NewClient(platform.WebAddress);

        var password = await ConsoleSignIn.PasswordAsync(client, agent);
        Assert.Equal("/console/signin/enrol", password.Headers.Location!.OriginalString);
        var enrolment = await client.GetStringAsync("/console/signin/enrol");
        Assert.Contains("src=\"data:image/png;base64,", enrolment);
        agent.TotpSecret = ConsoleSignIn.SecretOf(enrolment);
        Assert.Equal(32, agent.TotpSecret.Length);

        var wrong = await ConsoleSignIn.PostFormAsync(client, "/console/signin/enrol", new Dictionary<string, string> { ["Code"] = OtherCode(await agent.NextCodeAsync()) }, enrolment);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(ConsoleSignIn.RefusedMessage, await wrong.Content.ReadAsStringAsync());

        var enrolled = await ConsoleSignIn.PostFormAsync(client, "/console/signin/enrol", new Dictionary<string, string> { ["Code"] = await agent.NextCodeAsync() });
        Assert.Equal(ConsoleSignIn.NewPasswordPath, enrolled.Headers.Location!.OriginalString);
        var done = await ConsoleSignIn.NewPasswordAsync(client, agent);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/console", done.Headers.Location!.OriginalString);
        var session = Assert.Single(done.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ConsoleAuth.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/console", session, StringComparison.OrdinalIgnoreCase);

        var home = await client.GetAsync("/console");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Agent ", await home.Content.ReadAsStringAsync());

        // Next time: the code of the enrolled secret, no new enrolment.
        using var again = ConsoleSignIn.NewClient(platform.WebAddress);
        var second = await ConsoleSignIn.PasswordAsync(again, agent);
        Assert.Equal("/console/signin/code", second.Headers.Location!.OriginalString);
        var signedIn = await ConsoleSignIn.SecondFactorAsync(again, agent, "/console/signin/code");
        Assert.Equal("/console", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ReplayedCode_IsRefused()
    {
        var agent = await platform.NewAgentAsync();
        await ConsoleSignIn.SignInAsync(platform.WebAddress, agent);
        using var first = ConsoleSignIn.NewClient(platform.WebAddress);
        await ConsoleSignIn.PasswordAsync(first, agent);
        var code = await agent.NextCodeAsync();
        var accepted = await ConsoleSignIn.SecondFactorAsync(first, agent, "/console/signin/code", code);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        using var second = ConsoleSignIn.NewClient(platform.WebAddress);
        await ConsoleSignIn.PasswordAsync(second, agent);
        var replayed = await ConsoleSignIn.SecondFactorAsync(second, agent, "/console/signin/code", code);

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains(ConsoleSignIn.RefusedMessage, await replayed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task FivePasswordFailures_LockTheAccount_WithTheSameAnswerAsAWrongPasswordOrAnUnknownEmail()
    {
        var agent = await platform.NewAgentAsync();
        await ConsoleSignIn.SignInAsync(platform.WebAddress, agent);
        using var client = ConsoleSignIn.NewClient(platform.WebAddress);

        var wrongPasswordAnswer = "";
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await ConsoleSignIn.PasswordAsync(client, agent, "not-the-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            wrongPasswordAnswer = Refusal(await wrong.Content.ReadAsStringAsync());
        }

        var locked = await ConsoleSignIn.PasswordAsync(client, agent);
        var unknown = await ConsoleSignIn.PasswordAsync(client, new ConsoleAccount("nobody-" + Guid.NewGuid().ToString("N")[..8] + "@shipping.example", "whatever-password"));

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains(ConsoleSignIn.RefusedMessage, wrongPasswordAnswer);
        Assert.Equal(wrongPasswordAnswer, Refusal(await locked.Content.ReadAsStringAsync()));
        Assert.Equal(wrongPasswordAnswer, Refusal(await unknown.Content.ReadAsStringAsync()));
        var entries = await platform.Web.Services.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(AgentId: agent.AgentId.ToString()));
        Assert.Single(entries, e => e.Action == AuditActions.LockedOut);
        Assert.All(entries, e => Assert.DoesNotContain(agent.Email, e.Detail ?? ""));
    }

    [Fact]
    public async Task WrongCodes_CountTowardsTheLockout()
    {
        var agent = await platform.NewAgentAsync();
        await ConsoleSignIn.SignInAsync(platform.WebAddress, agent);
        using var client = ConsoleSignIn.NewClient(platform.WebAddress);
        Assert.Equal(HttpStatusCode.OK, (await ConsoleSignIn.PasswordAsync(client, agent, "not-the-password")).StatusCode);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            // A right password each time does not reset the count: only a full sign-in does.
            await ConsoleSignIn.PasswordAsync(client, agent);
            var wrong = await ConsoleSignIn.SecondFactorAsync(client, agent, "/console/signin/code", "000000" == await CurrentCodeAsync(agent) ? "111111" : "000000");
            Assert.Contains(ConsoleSignIn.RefusedMessage, await wrong.Content.ReadAsStringAsync());
        }

        var password = await ConsoleSignIn.PasswordAsync(client, agent);

        Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        Assert.Contains(ConsoleSignIn.RefusedMessage, await password.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignInForm_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = ConsoleSignIn.NewClient(platform.WebAddress);
        await client.GetStringAsync("/console/signin");

        var response = await client.PostAsync("/console/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = platform.Admin.Email, ["Password"] = platform.Admin.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Agent_IsForbiddenOnAdminPages_AndAdminIsNot()
    {
        var agent = await platform.NewAgentAsync("agent", "acme");
        using var agentClient = await ConsoleSignIn.SignInAsync(platform.WebAddress, agent);
        var adminClient = await platform.AdminClientAsync();

        foreach (var path in ConsolePaths().Where(p => p.StartsWith("/console/admin", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await agentClient.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await agentClient.GetAsync("/console")).StatusCode);
        Assert.DoesNotContain("nav-admin", await agentClient.GetStringAsync("/console"));
        Assert.Contains("nav-admin", await adminClient.GetStringAsync("/console"));
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var agent = await platform.NewAgentAsync("agent", "acme");
        using var client = await ConsoleSignIn.SignInAsync(platform.WebAddress, agent);

        var signOut = await ConsoleSignIn.PostFormAsync(client, "/console/signout", new Dictionary<string, string>(), await client.GetStringAsync("/console"));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/console")).StatusCode);
    }

    /// <summary>Every console page Web has (the sign-in steps excepted), route parameters filled in (ids: the bootstrap admin's, others: acme).</summary>
    private List<string> ConsolePaths() =>
        platform.Web.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("/console", StringComparison.Ordinal) && !p.StartsWith("/console/signin", StringComparison.Ordinal))
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, "\\{[^}]+\\}", m => m.Value.Contains(":guid", StringComparison.Ordinal) ? Shipping.Web.Console.Agents.BootstrapAdmin.Id.ToString() : "acme"))
            .Distinct()
            .ToList();

    private static string Refusal(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"signin-refused\">([^<]*)<").Groups[1].Value;

    private static Task<string> CurrentCodeAsync(ConsoleAccount agent) =>
        Task.FromResult(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(agent.TotpSecret!)).ComputeTotp(DateTime.UtcNow));

    private static string OtherCode(string code) => code == "000000" ? "111111" : "000000";
}
