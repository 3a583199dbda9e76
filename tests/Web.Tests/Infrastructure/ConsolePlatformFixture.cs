using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shipping.Carriers.Simulator;
using Shipping.Carriers.Watching;
using Shipping.Carriers.Webhooks;
using Shipping.Contracts.Api;
using Shipping.Notifications.Alerts;
using Shipping.Testing;
using Shipping.Timeline.Orders;
using Shipping.Web.Console;

namespace Shipping.Web.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ConsolePlatformCollection : ICollectionFixture<ConsolePlatformFixture>
{
    public const string Name = "console-platform";
}

/// <summary>
/// The support console's platform: Timeline, the Simulator carrier, Notifications (sending SMS to a fake Twilio at the
/// HTTP level) and Web, each a real host on the real PostgreSQL and RabbitMQ (this run's own virtual host and schemas).
/// Web listens on a real loopback port for the browser and reaches Timeline and Notifications in memory.
/// </summary>
public sealed class ConsolePlatformFixture : IAsyncLifetime
{
    public const string AcmeKey = "acme-console-test-key";
    public const string GlobexKey = "globex-console-test-key";
    public const string ServiceKey = "web-console-test-service-key";
    public const string LinkKey = "console-test-tracking-link-key-0123456789abcdef";
    public const string NotificationsPublicUrl = "https://notify.example.com";
    public const string SenderNumber = "+15005550006";
    public const string AdminEmail = "console.admin@shipping.example";
    public const string AdminPassword = "console-test-admin-password";

    public static readonly JsonSerializerOptions Json = WebPlatformFixture.Json;

    private TestInfrastructure? _infrastructure;

    public ServiceFactory<OrderDetails> Timeline { get; private set; } = null!;
    public ServiceFactory<SimulatorOptions> Simulator { get; private set; } = null!;
    public ServiceFactory<DueAlert> Notifications { get; private set; } = null!;
    public ServiceFactory<WebOptions> Web { get; private set; } = null!;
    public FakeTwilio Twilio { get; private set; } = null!;

    /// <summary>Where Web listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri WebAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        Twilio = await FakeTwilio.StartAsync();
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
        Simulator = new ServiceFactory<SimulatorOptions>(Settings("simulator"));
        var notifications = Settings("notifications");
        notifications["Twilio:BaseUrl"] = Twilio.BaseUrl.ToString();
        notifications["Twilio:AccountSid"] = Twilio.AccountSid;
        notifications["Twilio:AuthToken"] = Twilio.AuthToken;
        notifications["Twilio:From"] = SenderNumber;
        notifications["Notifications:PublicBaseUrl"] = NotificationsPublicUrl;
        notifications["Notifications:TrackingPageBaseUrl"] = "https://track.example.com";
        // Alerts go out whatever the hour these tests run at.
        notifications["Notifications:QuietHoursStart"] = "00:00";
        notifications["Notifications:QuietHoursEnd"] = "00:00";
        notifications["Notifications:GroupingWindow"] = "00:00:00.500";
        notifications["Notifications:DispatchInterval"] = "00:00:00.100";
        Notifications = new ServiceFactory<DueAlert>(notifications);
        foreach (var start in new Action[] { () => Timeline.CreateClient(), () => Simulator.CreateClient(), () => Notifications.CreateClient() })
        {
            start();
        }

        var web = Settings("web");
        web["Web:Timeline:ServiceKey"] = ServiceKey;
        web["Web:Timeline:BaseUrl"] = "http://timeline";
        web["Web:Notifications:ServiceKey"] = ServiceKey;
        web["Web:Notifications:BaseUrl"] = "http://notifications";
        web["Web:RequireHttps"] = "false";
        web["Web:Console:BootstrapAdmin:Email"] = AdminEmail;
        web["Web:Console:BootstrapAdmin:Password"] = AdminPassword;
        web["Web:Console:BootstrapAdmin:Name"] = "First Admin";

        Web = new ServiceFactory<WebOptions>(web, services =>
        {
            // Web's calls to Timeline and Notifications go to their in-memory hosts.
            services.PostConfigure<Microsoft.Extensions.Http.HttpClientFactoryOptions>(WebExtensions.TimelineClientName, options =>
                options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = Timeline.Server.CreateHandler()));
            services.PostConfigure<Microsoft.Extensions.Http.HttpClientFactoryOptions>(ConsolePagesExtensions.NotificationsClientName, options =>
                options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = Notifications.Server.CreateHandler()));
        });
        Web.UseKestrel(0);
        Web.StartServer();
        var address = Web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        WebAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        await Notifications.DisposeAsync();
        await Simulator.DisposeAsync();
        await Timeline.DisposeAsync();
        await Twilio.DisposeAsync();
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }

    /// <summary>A new console agent (or admin) of <paramref name="tenants"/> with a password, its second factor not enrolled yet.</summary>
    public async Task<ConsoleAccount> NewAgentAsync(string name, string role, params string[] tenants)
    {
        var account = new ConsoleAccount($"agent-{Guid.NewGuid().ToString("N")[..10]}@shipping.example", $"pw-{Guid.NewGuid():N}");
        var agents = Web.Services.GetRequiredService<Shipping.Web.Console.Agents.AgentDirectory>();
        var created = await agents.CreateAsync(Guid.NewGuid(), account.Email, name, account.Password, role, tenants, default);
        Assert.NotNull(created);
        account.AgentId = created.Id;
        return account;
    }

    /// <summary>A client of Web signed in (password and TOTP) as a new agent of <paramref name="tenants"/>.</summary>
    public async Task<(HttpClient Client, ConsoleAccount Account)> SignedInAsync(string name, string role, params string[] tenants)
    {
        var account = await NewAgentAsync(name, role, tenants);
        return (await ConsoleSignIn.SignInAsync(WebAddress, account), account);
    }

    public HttpClient TimelineClient(string apiKey = AcmeKey)
    {
        var client = Timeline.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public static string NewTrackingNumber() => "SIM" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    public static string NewOrderNumber() => "CON-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A German mobile number of this test's own (E.164).</summary>
    public static string NewPhone() => "+49151" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(int fromToday) => WebPlatformFixture.Day(fromToday);

    /// <summary>An order with one simulator parcel, its customer in Berlin (de-DE, so "0151 …" finds the phone) and opted in to SMS; returns once the simulator watches it and the console can find it.</summary>
    public async Task RegisterOrderAsync(string orderNumber, string trackingNumber, string? phone, string apiKey = AcmeKey, string email = "erika@example.com")
    {
        var response = await TimelineClient(apiKey).PostAsJsonAsync("/api/orders", new
        {
            orderNumber,
            customer = new { name = "Erika Mustermann", email, phone, locale = "de-DE", timeZone = "Europe/Berlin", smsOptIn = phone is not null },
            deliveryAddress = new { name = "Erika Mustermann", street = "Musterstraße", houseNumber = "1", postalCode = "10115", city = "Berlin", countryCode = "DE" },
            promisedDeliveryDate = Day(3),
            shipments = new[] { new { carrier = "simulator", trackingNumber } },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var watchList = Simulator.Services.GetRequiredService<ParcelWatchList>();
        await Eventually.Get(() => watchList.FindAsync(trackingNumber, default), p => p?.Watchers.Count > 0, $"the simulator to watch {trackingNumber}");
        // The order summary (search, console) is built asynchronously.
        await UntilAsync(async () => (await TimelineClient(apiKey).GetAsync($"/api/orders/{orderNumber}")).IsSuccessStatusCode, $"Timeline's summary of {orderNumber}");
    }

    /// <summary>A carrier scan through the simulator's webhook; waits until Timeline shows it.</summary>
    public async Task ScanAsync(string orderNumber, string trackingNumber, string code, DateTimeOffset at, string? estimate = null, string apiKey = AcmeKey)
    {
        var body = JsonSerializer.Serialize(new
        {
            trackingNumber,
            events = new[] { new { code, at = at.ToString("yyyy-MM-ddTHH:mm:sszzz"), description = $"{code} at the Leipzig hub", location = new { city = "Leipzig", postalCode = "04435", country = "DE" } } },
            estimatedDelivery = estimate,
        });
        var secret = Simulator.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value.WebhookSecret;
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/simulator") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Simulator-Signature", WebhookSignature.SignHexSha256(secret, Encoding.UTF8.GetBytes(body)));
        (await Simulator.CreateClient().SendAsync(request)).EnsureSuccessStatusCode();
        await Eventually.Get(
            async () => await (await TimelineClient(apiKey).GetAsync($"/api/orders/{orderNumber}/timeline")).Content.ReadAsStringAsync(),
            json => json?.Contains($"\"rawCode\":\"{code}\"", StringComparison.Ordinal) == true, $"Timeline to record {code}");
    }

    /// <summary>Waits until an asynchronous <paramref name="condition"/> holds.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string what) =>
        Eventually.Get<string>(async () => await condition() ? "yes" : null, s => s is not null, what);

    /// <summary>A probe of the order's message log, for <see cref="Eventually"/>.</summary>
    public Func<Task<List<AlertLogEntry>?>> AlertLog(string orderNumber) => async () => await AlertsAsync(orderNumber);

    /// <summary>The order's message log, as Notifications keeps it.</summary>
    public async Task<List<AlertLogEntry>> AlertsAsync(string orderNumber, string tenant = "acme")
    {
        var client = Notifications.CreateClient();
        client.DefaultRequestHeaders.Add(INotificationsApi.ServiceKeyHeader, ServiceKey);
        client.DefaultRequestHeaders.Add(INotificationsApi.TenantHeader, tenant);
        return (await client.GetFromJsonAsync<List<AlertLogEntry>>($"/api/notifications/orders/{orderNumber}/alerts", Json))!;
    }

    /// <summary>A delay (the carrier's estimate later than promised) that Notifications tells the customer of by SMS; returns the alert once Twilio has it.</summary>
    public async Task<AlertLogEntry> DelayWithSmsAsync(string orderNumber, string trackingNumber, DateTimeOffset at)
    {
        await ScanAsync(orderNumber, trackingNumber, "IN_TRANSIT", at, estimate: Day(6));
        var alerts = await Eventually.Get(AlertLog(orderNumber), a => a?.Any(x => x.ProviderMessageId is not null) == true, "the SMS alert at Twilio");
        return alerts.First(a => a.ProviderMessageId is not null);
    }

    /// <summary>Twilio's status callback for an SMS, signed as Twilio signs it.</summary>
    public async Task TwilioStatusAsync(AlertLogEntry alert, string phone, string status)
    {
        var response = await PostSignedAsync("/webhooks/twilio/status",
        [
            new("MessageSid", alert.ProviderMessageId!), new("SmsSid", alert.ProviderMessageId!), new("AccountSid", Twilio.AccountSid),
            new("From", SenderNumber), new("To", phone), new("MessageStatus", status), new("SmsStatus", status), new("ApiVersion", "2010-04-01"),
        ]);
        Assert.True(response.IsSuccessStatusCode, $"Twilio status callback: {(int)response.StatusCode}");
    }

    /// <summary>The customer's SMS reply, as Twilio's inbound webhook posts it.</summary>
    public async Task<string> InboundSmsAsync(string from, string body)
    {
        var sid = "SM" + Guid.NewGuid().ToString("N");
        var response = await PostSignedAsync("/webhooks/twilio/sms",
        [
            new("SmsMessageSid", sid), new("NumMedia", "0"), new("SmsSid", sid), new("Body", body), new("To", SenderNumber), new("NumSegments", "1"),
            new("MessageSid", sid), new("AccountSid", Twilio.AccountSid), new("From", from), new("ApiVersion", "2010-04-01"),
        ]);
        Assert.True(response.IsSuccessStatusCode, $"Twilio inbound SMS: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A webhook call to Notifications signed as Twilio signs it (HMAC-SHA1 of the URL and the sorted parameters).</summary>
    private async Task<HttpResponseMessage> PostSignedAsync(string path, List<KeyValuePair<string, string>> form)
    {
        var data = NotificationsPublicUrl + path + string.Concat(form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + f.Value));
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Twilio.AuthToken), Encoding.UTF8.GetBytes(data)));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature);
        return await Notifications.CreateClient().SendAsync(request);
    }
}
