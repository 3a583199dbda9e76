using System.Net;
using System.Net.Http.Json;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Notifications.Tests.Hosting;
using Shipping.Testing;

namespace Shipping.Notifications.Tests;

/// <summary>The support API: the service key, tenant scoping, preferences with consent, resending, erasure.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class ApiTests(NotificationsHost host)
{
    [Fact]
    public async Task Api_NeedsAServiceKey_AndSeesOnlyItsTenant()
    {
        host.Time.Set(NotificationsHost.Daytime);
        var order = Given.NewOrder();
        await host.PublishAsync(Given.Order(order, Given.NewPhone()));
        await host.PublishAsync(Given.Delay(Given.Shipment(order)));
        await Eventually.Get(host.Log(order), a => a?.Count == 1, "the alert");

        var anonymous = await host.Service.CreateClient().GetAsync($"/api/notifications/orders/{order}/alerts");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var wrongKey = host.Service.CreateClient();
        wrongKey.DefaultRequestHeaders.Add(INotificationsApi.ServiceKeyHeader, "nope");
        wrongKey.DefaultRequestHeaders.Add(INotificationsApi.TenantHeader, Given.Tenant);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync($"/api/notifications/orders/{order}/alerts")).StatusCode);

        Assert.Empty(await host.AlertsAsync(order, tenant: "globex"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api("globex").GetAsync($"/api/notifications/orders/{order}/preferences")).StatusCode);
    }

    [Fact]
    public async Task TurningSmsOn_NeedsTheConsentRecorded()
    {
        host.Time.Set(NotificationsHost.Daytime);
        var order = Given.NewOrder();
        await host.PublishAsync(Given.Order(order, Given.NewPhone(), smsOptIn: false));
        await Eventually.Until(() => host.Service.Consumed.Count<OrderPlaced>(o => o.OrderNumber == order) == 1, "the order");

        var without = await host.Api().PutAsJsonAsync($"/api/notifications/orders/{order}/preferences", new UpdateContactPreferences(Sms: true), NotificationsHost.Json);
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Contains("consentSource", await without.Content.ReadAsStringAsync());
        Assert.False((await host.PreferencesAsync(order)).Sms);

        var with = await host.Api().PutAsJsonAsync($"/api/notifications/orders/{order}/preferences",
            new UpdateContactPreferences(Sms: true, PreferredChannels: [AlertChannel.Email, AlertChannel.Sms], ConsentSource: "phone call, ticket 42"), NotificationsHost.Json);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        var preferences = await host.PreferencesAsync(order);
        Assert.True(preferences.Sms);
        Assert.Equal([AlertChannel.Email, AlertChannel.Sms], preferences.PreferredChannels);
        Assert.Contains(preferences.ConsentHistory, c => c is { What: "sms:on", Source: "support:web (phone call, ticket 42)" });
    }

    [Fact]
    public async Task SupportCanResendAnAlert_AsANewSendOfTheSameContent()
    {
        host.Time.Set(NotificationsHost.Daytime);
        var phone = Given.NewPhone();
        var order = Given.NewOrder();
        await host.PublishAsync(Given.Order(order, phone));
        await host.PublishAsync(Given.Delay(Given.Shipment(order)));
        var original = Assert.Single(await Eventually.Get(host.Log(order), a => a?.Count == 1 && a[0].ProviderMessageId is not null, "the alert"));

        var response = await host.Api().PostAsJsonAsync($"/api/notifications/alerts/{original.AlertId}/resend", new ResendAlert(), NotificationsHost.Json);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var resent = (await response.Content.ReadFromJsonAsync<ResentAlert>(NotificationsHost.Json))!;
        await Eventually.Until(() => host.SmsTo(phone).Count == 2, "the resent SMS");
        var log = await Eventually.Get(host.Log(order), a => a?.Count == 2 && a.All(x => x.ProviderMessageId is not null), "both alerts");
        Assert.Equal(original.AlertId, log.Single(a => a.AlertId == resent.AlertId).ResendOf);
        Assert.Equal(host.SmsTo(phone)[0].Single(f => f.Key == "Body").Value, host.SmsTo(phone)[1].Single(f => f.Key == "Body").Value);

        Assert.Equal(HttpStatusCode.NotFound, (await host.Api("globex").PostAsJsonAsync($"/api/notifications/alerts/{original.AlertId}/resend", new ResendAlert(), NotificationsHost.Json)).StatusCode);
    }

    [Fact]
    public async Task CustomerDataErased_ForgetsContactAndTexts_KeepsTheFacts()
    {
        host.Time.Set(NotificationsHost.Daytime);
        var phone = Given.NewPhone();
        var order = Given.NewOrder();
        await host.PublishAsync(Given.Order(order, phone));
        await host.PublishAsync(Given.Delay(Given.Shipment(order)));
        await Eventually.Get(host.Log(order), a => a?.Count == 1 && a[0].ProviderMessageId is not null, "the alert");

        await host.PublishAsync(new CustomerDataErased(Guid.NewGuid(), Given.Tenant, order, host.Time.GetUtcNow()));
        var alert = Assert.Single(await Eventually.Get(host.Log(order), a => a?[0].Text is null, "the texts erased"));
        Assert.Null(alert.Recipient);
        Assert.Equal(AlertChannel.Sms, alert.Channel);
        Assert.NotNull(alert.ProviderMessageId);
        Assert.Equal("Delayed:LateCarrierEstimate", alert.Trigger);
        Assert.False((await host.PreferencesAsync(order)).Sms);
    }
}
