using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Testing;
using Shipping.Web.Console;
using Shipping.Web.Console.Agents;
using Shipping.Web.Tests.Infrastructure;

namespace Shipping.Web.Tests;

/// <summary>
/// Web hosts of their own (on this class's own schema): the first admin from configuration, created once however many
/// replicas start at once; Data Protection keys shared through the store; Secure cookies when <c>Web:RequireHttps</c>.
/// </summary>
public sealed class ConsoleBootstrapTests : IAsyncLifetime
{
    private const string Email = "Boot.Admin@Shipping.Example";
    private const string Password = "bootstrap-admin-password";

    private TestInfrastructure _infrastructure = null!;
    private Dictionary<string, string> _settings = null!;
    private readonly List<ServiceFactory<WebOptions>> _hosts = [];

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        _settings = _infrastructure.Settings("web");
        _settings["Web:Console:BootstrapAdmin:Email"] = Email;
        _settings["Web:Console:BootstrapAdmin:Password"] = Password;
        _settings["Web:Console:BootstrapAdmin:Name"] = "Boot Admin";
        _settings["Web:Timeline:ServiceKey"] = "unused";
        _settings["Platform:TrackingLinkKey"] = WebPlatformFixture.LinkKey;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task ReplicasStartingAtOnce_CreateTheFirstAdminOnce_AndARestartCreatesNoOther()
    {
        var replicas = Enumerable.Range(0, 3).Select(_ => Host()).ToList();
        await Task.WhenAll(replicas.Select(r => Task.Run(() => r.CreateClient())));
        var restarted = Host();
        restarted.CreateClient();

        var agents = await restarted.Services.GetRequiredService<AgentDirectory>().ListAsync(default);
        var admin = Assert.Single(agents);
        Assert.Equal((BootstrapAdmin.Id, "boot.admin@shipping.example", ConsoleAuth.RoleAdmin, false), (admin.Id, admin.Email, admin.Role, admin.HasSecondFactor));
        Assert.NotEqual(Password, admin.PasswordHash);
        Assert.DoesNotContain(Password, admin.PasswordHash);
    }

    [Fact]
    public async Task Replicas_ShareTheKeyRing_SoASessionFromOneIsValidOnAnother_AndCookiesAreSecureWhenHttpsIsRequired()
    {
        _settings["Web:RequireHttps"] = "true";
        var one = Host();
        var other = Host();
        var options = new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true };
        var client = one.CreateClient(options);
        var account = new ConsoleAccount(Email, Password);

        var password = await ConsoleSignIn.PasswordAsync(client, account);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var pending = Assert.Single(password.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ConsoleAuth.PendingCookieName + "=", StringComparison.Ordinal));
        var done = await ConsoleSignIn.SecondFactorAsync(client, account, password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var session = Assert.Single(done.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ConsoleAuth.CookieName + "=", StringComparison.Ordinal));

        foreach (var cookie in new[] { pending, session })
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }

        // The other replica reads the session cookie: the same keys, from the store.
        var request = new HttpRequestMessage(HttpMethod.Get, "/console/signout");
        request.Headers.Add("Cookie", session[..session.IndexOf(';', StringComparison.Ordinal)]);
        var onOther = await other.CreateClient(options).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, onOther.StatusCode);
    }

    [Fact]
    public async Task AClientRefusedTooOften_IsRefusedForAWhile_WhateverAccountItTries()
    {
        _settings["Web:Console:SignInFailuresPerClient"] = "3";
        var client = Host().CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var sprayed = new ConsoleAccount($"sprayed-{attempt}@shipping.example", "a-guessed-password");
            statuses.Add((await ConsoleSignIn.PasswordAsync(client, sprayed)).StatusCode);
        }

        // Even the right password of a real account.
        statuses.Add((await ConsoleSignIn.PasswordAsync(client, new ConsoleAccount(Email, Password))).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task SuccessfulSignIns_DoNotCountTowardsTheClientLimit()
    {
        _settings["Web:Console:SignInFailuresPerClient"] = "1";
        var client = Host().CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var account = new ConsoleAccount(Email, Password);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ConsoleSignIn.PasswordAsync(client, account)).StatusCode);
        }
    }

    private ServiceFactory<WebOptions> Host()
    {
        var host = new ServiceFactory<WebOptions>(new Dictionary<string, string>(_settings));
        _hosts.Add(host);
        return host;
    }
}
