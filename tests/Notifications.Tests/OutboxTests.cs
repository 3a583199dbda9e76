using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Notifications.Alerts;
using Shipping.Notifications.Tests.Hosting;
using Shipping.Testing;

namespace Shipping.Notifications.Tests;

/// <summary>Development mode: without Twilio or SMTP settings, alerts go to the local outbox the console shows, never nowhere.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private TestInfrastructure? _infrastructure;
    private ServiceFactory<Alert> _service = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        var settings = _infrastructure.Settings("notifications_outbox");
        settings["Notifications:GroupingWindow"] = "00:00:00.200";
        settings["Notifications:DispatchInterval"] = "00:00:00.100";
        settings["Notifications:QuietHoursStart"] = "00:00";
        settings["Notifications:QuietHoursEnd"] = "00:00"; // no quiet hours: this test runs whatever the real time
        settings["Platform:ServiceKeys:web"] = NotificationsHost.ServiceKey;
        _service = new ServiceFactory<Alert>(settings);
        _service.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }

    [Fact]
    public async Task WithoutTwilioOrSmtp_SmsAndEmailAlerts_LandInTheOutbox_WhichTheConsoleReadsThroughINotificationsApi()
    {
        var api = RestService.For<INotificationsApi>(_service.CreateClient(),
            new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(NotificationsHost.Json) });
        var bus = _service.Services.GetRequiredService<IBus>();
        var smsOrder = Given.NewOrder();
        var emailOrder = Given.NewOrder();
        var phone = Given.NewPhone();
        await bus.Publish(Given.Order(smsOrder, phone));
        await bus.Publish(Given.Order(emailOrder, phone: null, email: "erika@example.com", smsOptIn: false, locale: "de-DE"));
        await bus.Publish(Given.Delay(Given.Shipment(smsOrder)));
        await bus.Publish(Given.Delay(Given.Shipment(emailOrder)));

        var outbox = await Eventually.Get<IReadOnlyList<OutboxEntry>>(
            async () => (await api.GetOutboxAsync(NotificationsHost.ServiceKey, Given.Tenant)).Where(m => m.OrderNumber == smsOrder || m.OrderNumber == emailOrder).ToList(),
            o => o?.Count == 2, "both alerts in the outbox");
        var sms = outbox.Single(m => m.OrderNumber == smsOrder);
        Assert.Equal(AlertChannel.Sms, sms.Channel);
        Assert.Equal(phone, sms.To);
        Assert.Contains("is delayed", sms.Text);
        var email = outbox.Single(m => m.OrderNumber == emailOrder);
        Assert.Equal(AlertChannel.Email, email.Channel);
        Assert.Equal("erika@example.com", email.To);
        Assert.Contains("verspätet sich", email.Text);
        Assert.Contains("<html lang=\"de\">", email.Html);

        var logged = Assert.Single(await api.GetAlertsAsync(NotificationsHost.ServiceKey, Given.Tenant, smsOrder));
        Assert.Equal("Sent", logged.State);
        Assert.Equal($"outbox:{sms.Id:N}", logged.ProviderMessageId);
        Assert.Empty(await api.GetOutboxAsync(NotificationsHost.ServiceKey, "globex"));

        var preferences = await api.UpdatePreferencesAsync(NotificationsHost.ServiceKey, Given.Tenant, smsOrder, new UpdateContactPreferences(Sms: false));
        Assert.False(preferences.Sms);
        var error = await Assert.ThrowsAsync<ValidationApiException>(() =>
            api.UpdatePreferencesAsync(NotificationsHost.ServiceKey, Given.Tenant, smsOrder, new UpdateContactPreferences(Sms: true)));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("consentSource", error.Content!.Errors.Keys);
    }
}

public sealed class EmailTemplateTests
{
    [Fact]
    public async Task BrandsOwnTemplate_InItsLanguage_ReplacesTheBuiltInOne()
    {
        var directory = Directory.CreateTempSubdirectory("notifications-templates-");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, "outdoor", "de"));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "outdoor", "de", "alert.html.liquid"),
                "<h1 style=\"color:{{ brand.primary_colour }}\">{{ brand.name }}</h1><p>{{ headline }}</p>");
            var templates = new Email.EmailTemplates(Microsoft.Extensions.Options.Options.Create(new NotificationsOptions { TemplatesDirectory = directory.FullName }));
            var brand = Email.EmailTemplates.Brand(new BrandSettings("Outdoor <Co>", "javascript:alert(1)", "#0A7B3E", "red;background:url(x)", ["de"], new SupportContact(null, null, null), null));
            var model = new Email.EmailModel(brand, "Erika", "N-1", "Ihr Paket verspätet sich.", [], null, "de");

            var own = await templates.RenderAsync("outdoor", "de", model);
            Assert.Equal("<h1 style=\"color:#0A7B3E\">Outdoor &lt;Co&gt;</h1><p>Ihr Paket verspätet sich.</p>", own.Html);
            Assert.Contains("Guten Tag Erika", own.Text); // no text template of its own: the built-in German one

            var builtIn = await templates.RenderAsync("other-brand", "en", model);
            Assert.Contains("Hello Erika", builtIn.Html);
            Assert.DoesNotContain("javascript:", builtIn.Html); // the logo must be an http(s) URL
            Assert.Contains("#E07A1F", builtIn.Html); // a colour that is not #RRGGBB falls back to the default
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
