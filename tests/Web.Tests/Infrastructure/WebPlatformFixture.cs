using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shipping.Carriers.Simulator;
using Shipping.Carriers.Watching;
using Shipping.Carriers.Webhooks;
using Shipping.ServiceDefaults;
using Shipping.Testing;
using Shipping.Timeline.Orders;

namespace Shipping.Web.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class WebPlatformCollection : ICollectionFixture<WebPlatformFixture>
{
    public const string Name = "web-platform";
}

/// <summary>
/// Timeline, the Simulator carrier and Web, each a real host on the real PostgreSQL and RabbitMQ (this run's own virtual
/// host and schemas). Web listens on a real loopback port (Kestrel), so a real browser can open it; it reaches Timeline
/// in memory.
/// </summary>
public sealed class WebPlatformFixture : IAsyncLifetime
{
    public const string AcmeKey = "acme-web-test-key";
    public const string GlobexKey = "globex-web-test-key";
    public const string ServiceKey = "web-test-service-key";
    public const string LinkKey = "web-test-tracking-link-key-0123456789abcdef";
    public const int LookupsPerMinute = 6;
    public const string AdminEmail = "first.admin@shipping.example";
    public const string AdminPassword = "web-test-admin-password";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly SemaphoreSlim _adminLock = new(1, 1);
    private TestInfrastructure? _infrastructure;
    private HttpClient? _adminClient;

    public ServiceFactory<OrderDetails> Timeline { get; private set; } = null!;
    public ServiceFactory<SimulatorOptions> Simulator { get; private set; } = null!;
    public ServiceFactory<WebOptions> Web { get; private set; } = null!;

    /// <summary>Where Web listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri WebAddress { get; private set; } = null!;

    public TrackingLinks Links { get; } = new(LinkKey);

    /// <summary>The console's bootstrap admin; it enrols its second factor at the first sign-in (<see cref="ConsoleSignIn"/>).</summary>
    public ConsoleAccount Admin { get; } = new(AdminEmail, AdminPassword);

    /// <summary>Holds the simulated carrier's answers to delivery changes of chosen parcels.</summary>
    public CarrierGate CarrierGate { get; } = new();

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        Dictionary<string, string> Settings(string name)
        {
            var settings = _infrastructure.Settings(name);
            settings["Tenants:acme:ApiKeys:0"] = AcmeKey;
            settings["Tenants:globex:ApiKeys:0"] = GlobexKey;
            settings["Platform:ServiceKeys:web"] = ServiceKey;
            settings["Platform:TrackingLinkKey"] = LinkKey;
            settings["Timeline:Delays:StaleAfter"] = TimeSpan.FromDays(3650).ToString();
            return settings;
        }

        Timeline = new ServiceFactory<OrderDetails>(Settings("timeline"));
        var simulator = Settings("simulator");
        // The simulated carrier refuses safe places, so a refusal can be shown too.
        simulator["Simulator:DeliveryChanges:Refuse:0"] = "SafePlace";
        simulator["Simulator:DeliveryChanges:RefusalReason"] = "Safe places are not offered in this area.";
        Simulator = new ServiceFactory<SimulatorOptions>(simulator, services =>
        {
            services.AddSingleton(CarrierGate);
            services.AddSingleton<Shipping.Carriers.DeliveryChanges.IDeliveryChanger, GatedDeliveryChanger>();
        });
        Timeline.CreateClient();
        Simulator.CreateClient();

        var web = Settings("web");
        web["Web:Timeline:ServiceKey"] = ServiceKey;
        web["Web:Timeline:BaseUrl"] = "http://timeline";
        web["Web:RequireHttps"] = "false";
        // Pages show each change at once here (the tests look right after it); the short cache has tests of its own.
        web["Web:Tracking:CacheFor"] = "00:00:00";
        // Notifications is not part of this platform: nothing listens there, so tracking pages render without their preferences.
        web["Web:Notifications:BaseUrl"] = "http://127.0.0.1:9";
        web["Web:Notifications:ServiceKey"] = ServiceKey;
        web["Web:Console:BootstrapAdmin:Email"] = AdminEmail;
        web["Web:Console:BootstrapAdmin:Password"] = AdminPassword;
        web["Web:Console:BootstrapAdmin:Name"] = "First Admin";
        // Every test signs in from 127.0.0.1; the limit itself is tested on a host of its own (ConsoleBootstrapTests).
        web["Web:Console:SignInFailuresPerClient"] = "100000";
        web["Web:Lookup:PermitsPerMinute"] = LookupsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Web = new ServiceFactory<WebOptions>(web, services =>
            // Web's calls to Timeline go to the in-memory Timeline host.
            services.PostConfigure<Microsoft.Extensions.Http.HttpClientFactoryOptions>(WebExtensions.TimelineClientName, options =>
                options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = Timeline.Server.CreateHandler())));
        Web.UseKestrel(0);
        Web.StartServer();
        var address = Web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        WebAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

        await PutBrandAsync();
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        await Simulator.DisposeAsync();
        await Timeline.DisposeAsync();
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }

    /// <summary>A client of Web over the real port, not following redirects.</summary>
    public HttpClient WebClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = WebAddress };

    public HttpClient TimelineClient(string apiKey = AcmeKey)
    {
        var client = Timeline.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public string LinkFor(string orderNumber, string tenant = "acme") => $"/t/{Links.Create(tenant, orderNumber, DateTimeOffset.UtcNow.AddDays(7))}";

    /// <summary>A client signed in as the bootstrap admin, shared by the tests of the collection (sign-ins use up TOTP steps).</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        await _adminLock.WaitAsync();
        try
        {
            return _adminClient ??= await ConsoleSignIn.SignInAsync(WebAddress, Admin);
        }
        finally
        {
            _adminLock.Release();
        }
    }

    /// <summary>A new console agent (or admin), created by the admin on <c>/console/admin/agents</c>; not enrolled yet. An agent works for acme unless told otherwise.</summary>
    public async Task<ConsoleAccount> NewAgentAsync(string role = "agent", params string[] tenants)
    {
        tenants = tenants.Length == 0 && role == "agent" ? ["acme"] : tenants;
        var email = $"agent-{Guid.NewGuid().ToString("N")[..10]}@shipping.example";
        var form = new Dictionary<string, string> { ["Email"] = email, ["Name"] = "Agent " + email[6..12], ["Role"] = role, ["OtherTenants"] = string.Join(",", tenants) };
        var response = await ConsoleSignIn.PostFormAsync(await AdminClientAsync(), "/console/admin/agents", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, html);
        var created = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"temporary-password\">([^<]+)<");
        Assert.True(created.Success, "no temporary password shown");
        var agent = Assert.Single(await Web.Services.GetRequiredService<Shipping.Web.Console.Agents.AgentDirectory>().ListAsync(default), a => a.Email == email);
        return new ConsoleAccount(email, System.Net.WebUtility.HtmlDecode(created.Groups[1].Value)) { AgentId = agent.Id };
    }

    public static string NewTrackingNumber() => "SIM" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    public static string NewOrderNumber() => "WEB-" + Guid.NewGuid().ToString("N")[..10];

    public static string Day(int fromToday) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task PutBrandAsync()
    {
        var response = await TimelineClient().PutAsJsonAsync("/api/brand", new
        {
            name = "Acme Shop",
            logoUrl = (string?)null,
            primaryColour = "#1F3A5F",
            accentColour = "#E07A1F",
            languages = new[] { "en", "de" },
            support = new { email = "help@acme.example", phone = "+49301234567", url = "https://acme.example/help" },
            privacyPolicyUrl = "https://acme.example/privacy",
            faqUrl = "https://acme.example/faq",
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>An acme order with one simulator parcel, its customer in Berlin; returns once the simulator watches it.</summary>
    public async Task RegisterOrderAsync(string orderNumber, string trackingNumber, string locale = "en-GB")
    {
        var response = await TimelineClient().PostAsJsonAsync("/api/orders", new
        {
            orderNumber,
            customer = new { name = "Erika Mustermann", email = "erika@example.com", phone = "+4915112345612", locale, timeZone = "Europe/Berlin" },
            deliveryAddress = new { name = "Erika Mustermann", street = "Musterstraße", houseNumber = "1", postalCode = "10115", city = "Berlin", countryCode = "DE" },
            promisedDeliveryDate = Day(3),
            shipments = new[] { new { carrier = "simulator", trackingNumber } },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var watchList = Simulator.Services.GetRequiredService<ParcelWatchList>();
        await Eventually.Get(() => watchList.FindAsync(trackingNumber, default), p => p?.Watchers.Count > 0, $"the simulator to watch {trackingNumber}");
    }

    /// <summary>A carrier scan through the simulator's webhook; waits until Timeline shows the status.</summary>
    public async Task ScanAsync(string orderNumber, string trackingNumber, string code, string at, string? estimate = null)
    {
        var body = JsonSerializer.Serialize(new
        {
            trackingNumber,
            events = new[] { new { code, at, description = $"{code} at the Leipzig hub", location = new { city = "Leipzig", postalCode = "04435", country = "DE" } } },
            estimatedDelivery = estimate,
        });
        var secret = Simulator.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value.WebhookSecret;
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/simulator") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Simulator-Signature", WebhookSignature.SignHexSha256(secret, Encoding.UTF8.GetBytes(body)));
        (await Simulator.CreateClient().SendAsync(request)).EnsureSuccessStatusCode();
        await Eventually.Get(
            async () => await (await TimelineClient().GetAsync($"/api/orders/{orderNumber}/timeline")).Content.ReadAsStringAsync(),
            json => json?.Contains($"\"rawCode\":\"{code}\"", StringComparison.Ordinal) == true, $"Timeline to record {code}");
    }
}
