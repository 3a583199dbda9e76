using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Notifications.Alerts;
using Shipping.Notifications.Sms;
using Shipping.Testing;

namespace Shipping.Notifications.Tests.Hosting;

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsHost>
{
    public const string Name = "notifications-host";
}

/// <summary>
/// The Notifications service, hosted for real on the local PostgreSQL and RabbitMQ (its own schema and virtual host),
/// sending SMS to a fake Twilio at the HTTP level and email to an SMTP sink, on a clock the tests set.
/// </summary>
public sealed class NotificationsHost : IAsyncLifetime
{
    public const string ServiceKey = "test-web-service-key";
    public const string PublicBaseUrl = "https://notify.example.com";
    public const string SenderNumber = "+15005550006";
    public const string InboundSecret = "test-inbound-secret";

    /// <summary>The key Web checks tracking links with (Platform:TrackingLinkKey).</summary>
    public const string TrackingLinkKey = "test-tracking-link-key-at-least-32-characters";

    /// <summary>Wednesday 25 November 2026, 10:00 in Berlin: daytime for the customers of these tests.</summary>
    public static readonly DateTimeOffset Daytime = DateTimeOffset.Parse("2026-11-25T10:00:00+01:00");

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private TestInfrastructure? _infrastructure;

    public FakeTwilio Twilio { get; private set; } = null!;
    public SmtpSink Smtp { get; private set; } = null!;
    public FakeTime Time { get; } = new(Daytime);
    public ServiceFactory<Alert> Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Twilio = await FakeTwilio.StartAsync();
        Smtp = SmtpSink.Start();
        _infrastructure = await TestInfrastructure.CreateAsync();
        var settings = _infrastructure.Settings("notifications");
        settings["Twilio:BaseUrl"] = Twilio.BaseUrl.ToString();
        settings["Twilio:AccountSid"] = Twilio.AccountSid;
        settings["Twilio:AuthToken"] = Twilio.AuthToken;
        settings["Twilio:From"] = SenderNumber;
        settings["Smtp:Host"] = "127.0.0.1";
        settings["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Smtp:UseTls"] = "false";
        settings["Email:From"] = "alerts@notify.example.com";
        settings["Email:ReplyDomain"] = "reply.notify.example.com";
        settings["Email:TokenKey"] = "test-token-key";
        settings["Email:InboundSecret"] = InboundSecret;
        settings["Notifications:PublicBaseUrl"] = PublicBaseUrl;
        // Long enough that shipments changing together are grouped even on a loaded machine (1 s was not, under CI).
        settings["Notifications:GroupingWindow"] = "00:00:03";
        settings["Notifications:DispatchInterval"] = "00:00:00.100";
        settings["Platform:ServiceKeys:web"] = ServiceKey;
        settings["Platform:TrackingLinkKey"] = TrackingLinkKey;
        settings["Notifications:TrackingPageBaseUrl"] = "https://track.example.com";
        Service = new ServiceFactory<Alert>(settings, services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });

        // Creating a client starts the host: Marten applies its schema, MassTransit declares its queues.
        Service.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Twilio.DisposeAsync();
        await Smtp.DisposeAsync();
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }

    public Task PublishAsync<T>(T message) where T : class => Service.Services.GetRequiredService<IBus>().Publish(message);

    public HttpClient Api(string tenant = Given.Tenant)
    {
        var client = Service.CreateClient();
        client.DefaultRequestHeaders.Add(INotificationsApi.ServiceKeyHeader, ServiceKey);
        client.DefaultRequestHeaders.Add(INotificationsApi.TenantHeader, tenant);
        return client;
    }

    public async Task<List<AlertLogEntry>> AlertsAsync(string orderNumber, string tenant = Given.Tenant) =>
        (await Api(tenant).GetFromJsonAsync<List<AlertLogEntry>>($"/api/notifications/orders/{orderNumber}/alerts", Json))!;

    /// <summary>A probe of the order's message log, for <see cref="Eventually"/>.</summary>
    public Func<Task<List<AlertLogEntry>?>> Log(string orderNumber, string tenant = Given.Tenant) => async () => await AlertsAsync(orderNumber, tenant);

    /// <summary>Switches the test tenant's triggers through the API: the ones named off, every other on.</summary>
    public async Task DisableTriggersAsync(params string[] triggers) =>
        (await Api().PutAsJsonAsync("/api/notifications/triggers", new AlertTriggers(triggers), Json)).EnsureSuccessStatusCode();

    public async Task<ContactPreferences> PreferencesAsync(string orderNumber, string tenant = Given.Tenant) =>
        (await Api(tenant).GetFromJsonAsync<ContactPreferences>($"/api/notifications/orders/{orderNumber}/preferences", Json))!;

    /// <summary>The SMS Twilio accepted for one phone number, as their form fields.</summary>
    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> SmsTo(string phone) =>
        Twilio.Accepted.Where(form => form.Any(f => f.Key == "To" && f.Value == phone)).ToList();

    public IReadOnlyList<RecordedRequest> RequestsTo(string phone) =>
        Twilio.MessageRequests.Where(r => FakeTwilio.Form(r).Any(f => f.Key == "To" && f.Value == phone)).ToList();

    /// <summary>Posts an inbound SMS as Twilio would, signed with <paramref name="authToken"/> (Twilio's own when null).</summary>
    public async Task<HttpResponseMessage> InboundSmsAsync(string from, string body, string? messageSid = null, string? authToken = null, string path = "/webhooks/twilio/sms")
    {
        var sid = messageSid ?? NewSid();
        var form = new List<KeyValuePair<string, string>>
        {
            new("ToCountry", "US"),
            new("SmsMessageSid", sid),
            new("NumMedia", "0"),
            new("SmsSid", sid),
            new("Body", body),
            new("To", SenderNumber),
            new("NumSegments", "1"),
            new("MessageSid", sid),
            new("AccountSid", Twilio.AccountSid),
            new("From", from),
            new("ApiVersion", "2010-04-01"),
        };
        return await PostSignedAsync(path, form, authToken ?? Twilio.AuthToken);
    }

    public async Task<HttpResponseMessage> PostSignedAsync(string path, IReadOnlyList<KeyValuePair<string, string>> form, string authToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.Header, TestSignature.Sign(authToken, PublicBaseUrl + path, form));
        return await Service.CreateClient().SendAsync(request);
    }

    public static string NewSid() => "SM" + Guid.NewGuid().ToString("N");
}

/// <summary>Twilio's signing, written out again for the tests, so a mistake in the service's copy is not signed away.</summary>
public static class TestSignature
{
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = url + string.Concat(form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + f.Value));
        using var hmac = new System.Security.Cryptography.HMACSHA1(System.Text.Encoding.UTF8.GetBytes(authToken));
        return Convert.ToBase64String(hmac.ComputeHash(System.Text.Encoding.UTF8.GetBytes(data)));
    }
}

/// <summary>Customers and shipments of the tests: every test its own order, phone number and shipment.</summary>
public static class Given
{
    public const string Tenant = "acme";

    public static string NewPhone() => "+49151" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string NewOrder() => "N-" + Guid.NewGuid().ToString("N")[..10];

    public static OrderPlaced Order(string orderNumber, string? phone, string? email = null, bool smsOptIn = true, string locale = "en-GB",
        string timeZone = "Europe/Berlin", string tenant = Tenant) =>
        new(Guid.NewGuid(), tenant, orderNumber,
            new CustomerDetails("Erika Mustermann", email, phone, locale, timeZone, smsOptIn),
            new PostalAddress("Hauptstraße", "5", "10115", "Berlin", "DE"), NotificationsHost.Daytime.AddDays(-2));

    public static ShipmentRegistered Shipment(string orderNumber, string tenant = Tenant) =>
        new(Guid.NewGuid(), tenant, orderNumber, "simulator", "SIM" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
            new DateOnly(2026, 11, 25), NotificationsHost.Daytime.AddDays(-2));

    public static ShipmentDelayed Delay(ShipmentRegistered shipment, DateOnly? newEstimate = null, DelayReason reason = DelayReason.LateCarrierEstimate) =>
        new(Guid.NewGuid(), shipment.ShipmentId, shipment.TenantId, shipment.OrderNumber, shipment.Carrier, shipment.TrackingNumber, reason,
            shipment.PromisedDeliveryDate, null, new DeliveryEstimate(newEstimate ?? new DateOnly(2026, 11, 27)), NotificationsHost.Daytime);

    public static ShipmentStatusChanged Status(ShipmentRegistered shipment, TrackingStatus from, TrackingStatus to, DateTimeOffset at) =>
        new(Guid.NewGuid(), shipment.ShipmentId, shipment.TenantId, shipment.OrderNumber, shipment.Carrier, shipment.TrackingNumber,
            from, to, TrackingSubstatus.Unspecified, at, Guid.NewGuid());
}
