using System.Net;
using System.Text;
using Shipping.Contracts;
using Shipping.Notifications.Sms;
using Shipping.Notifications.Tests.Hosting;
using Shipping.Testing;

namespace Shipping.Notifications.Tests;

/// <summary>Acceptance 1: a delayed shipment of an opted-in customer makes exactly one correct Messages request, even under redelivery.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class SmsAlertTests(NotificationsHost host)
{
    [Fact]
    public async Task SameShipmentDelayed_DeliveredThreeTimes_SendsExactlyOneCorrectlyFormedAuthenticatedSms()
    {
        host.Time.Set(NotificationsHost.Daytime);
        var phone = Given.NewPhone();
        var order = Given.NewOrder();
        var shipment = Given.Shipment(order);
        await host.PublishAsync(Given.Order(order, phone));
        await host.PublishAsync(shipment);
        var delay = Given.Delay(shipment);
        for (var i = 0; i < 3; i++)
        {
            await host.PublishAsync(delay);
        }

        await Eventually.Until(() => host.Service.Consumed.Count<ShipmentDelayed>(d => d.DelayId == delay.DelayId) == 3, "the three deliveries");
        var request = Assert.Single(await Eventually.Get(() => Task.FromResult<IReadOnlyList<RecordedRequest>?>(host.RequestsTo(phone)), r => r?.Count > 0, "the SMS"));
        await Task.Delay(TimeSpan.FromSeconds(2)); // longer than the grouping window and many dispatch rounds
        Assert.Single(host.RequestsTo(phone));

        Assert.Equal("POST", request.Method);
        Assert.Equal($"/2010-04-01/Accounts/{host.Twilio.AccountSid}/Messages.json", request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{host.Twilio.AccountSid}:{host.Twilio.AuthToken}")), request.Header("Authorization"));
        Assert.Equal(["To", "From", "Body", "StatusCallback"], FakeTwilio.FieldOrder(request));
        var form = FakeTwilio.Form(request).ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal(phone, form["To"]);
        Assert.Equal(NotificationsHost.SenderNumber, form["From"]);
        Assert.Equal($"{NotificationsHost.PublicBaseUrl}/webhooks/twilio/status", form["StatusCallback"]);
        Assert.Contains(shipment.TrackingNumber, form["Body"]);
        Assert.Contains("Reply 1 to deliver on Mon 30 Nov, 2 to leave it with a neighbour, 3 to deliver on Tue 1 Dec.", form["Body"]);
        Assert.True(SmsSegments.Count(form["Body"]) <= 2);

        // The log keeps it with Twilio's id; AlertSent goes out once for the timeline.
        var alert = Assert.Single(await Eventually.Get(host.Log(order), a => a?.Count == 1 && a[0].ProviderMessageId is not null, "the logged alert"));
        Assert.Equal(AlertChannel.Sms, alert.Channel);
        Assert.Equal("en", alert.Language);
        Assert.Equal(form["Body"], alert.Text);
        Assert.Equal("Queued", alert.State);
        Assert.StartsWith("SM", alert.ProviderMessageId);
        var sent = Assert.Single(await Eventually.Get(
            () => Task.FromResult<IReadOnlyList<AlertSent>?>(host.Service.Published.Of<AlertSent>().Where(a => a.OrderNumber == order).ToList()), a => a?.Count > 0, "AlertSent"));
        Assert.Equal("Delayed:LateCarrierEstimate", sent.Trigger);
        Assert.Equal([shipment.ShipmentId], sent.ShipmentIds);
        Assert.Equal(alert.ProviderMessageId, sent.ProviderMessageId);
    }

    [Fact]
    public async Task TwoShipmentsOfOneOrder_DelayedTogether_MakeOneMessage_InTheCustomersLanguage()
    {
        host.Time.Set(NotificationsHost.Daytime);
        var phone = Given.NewPhone();
        var order = Given.NewOrder();
        var first = Given.Shipment(order);
        var second = Given.Shipment(order);
        await host.PublishAsync(Given.Order(order, phone, locale: "de-DE"));
        await host.PublishAsync(Given.Delay(first));
        await host.PublishAsync(Given.Delay(second));

        var sms = Assert.Single(await Eventually.Get(() => Task.FromResult<IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>>?>(host.SmsTo(phone)), s => s?.Count > 0, "the SMS"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(host.SmsTo(phone));
        Assert.Contains($"2 Pakete Ihrer Bestellung {order} verspäten sich", sms.Single(f => f.Key == "Body").Value);
        var alert = Assert.Single(await host.AlertsAsync(order));
        Assert.Equal(new[] { first.ShipmentId, second.ShipmentId }.Order(), alert.ShipmentIds.Order());
        Assert.Equal("de", alert.Language);
    }

    [Fact]
    public async Task CustomerWithoutSmsOptIn_GetsNoSms()
    {
        host.Time.Set(NotificationsHost.Daytime);
        var phone = Given.NewPhone();
        var order = Given.NewOrder();
        var shipment = Given.Shipment(order);
        await host.PublishAsync(Given.Order(order, phone, email: null, smsOptIn: false));
        await host.PublishAsync(Given.Delay(shipment));

        var alert = Assert.Single(await Eventually.Get(host.Log(order), a => a?.Count == 1 && a[0].State == "Dropped", "the alert dropped"));
        Assert.Contains(alert.History, h => h.Note == "No channel the customer agreed to.");
        Assert.Empty(host.RequestsTo(phone));
    }

    [Fact]
    public async Task TwilioError21610_MarksTheCustomerUnsubscribed_AndFallsBackToEmail()
    {
        host.Time.Set(NotificationsHost.Daytime);
        var phone = Given.NewPhone();
        var email = $"{Guid.NewGuid():N}@example.com";
        var order = Given.NewOrder();
        await host.PublishAsync(Given.Order(order, phone, email));
        await Eventually.Until(() => host.Service.Consumed.Count<OrderPlaced>(o => o.OrderNumber == order) == 1, "the order");
        host.Twilio.AnswerNextWith(FakeTwilio.Error(400, 21610, "Attempt to send to unsubscribed recipient"));
        await host.PublishAsync(Given.Delay(Given.Shipment(order)));

        await Eventually.Until(() => host.Smtp.Received.Any(m => m.EnvelopeTo.Contains(email)), "the fallback email");
        Assert.Single(host.RequestsTo(phone));
        var preferences = await host.PreferencesAsync(order);
        Assert.True(preferences.SmsUnsubscribed);
        Assert.Contains(preferences.ConsentHistory, c => c is { What: "sms:off", Source: "twilio:21610" });
        var alerts = await Eventually.Get(host.Log(order), a => a?.Count == 2 && a.Any(x => x.State == "Sent"), "both alerts");
        var sms = alerts.Single(a => a.Channel == AlertChannel.Sms);
        Assert.Equal("Failed", sms.State);
        Assert.Contains(sms.History, h => h.ErrorCode == "21610");
        Assert.Equal(sms.AlertId, alerts.Single(a => a.Channel == AlertChannel.Email).FallbackOf);
    }

    [Fact]
    public async Task TwilioDown_IsRetried_AndTheSmsStillGoesOnce()
    {
        host.Time.Set(NotificationsHost.Daytime);
        var phone = Given.NewPhone();
        var order = Given.NewOrder();
        await host.PublishAsync(Given.Order(order, phone));
        await Eventually.Until(() => host.Service.Consumed.Count<OrderPlaced>(o => o.OrderNumber == order) == 1, "the order");
        host.Twilio.AnswerNextWith(FakeTwilio.Error(503, 20500, "Service unavailable"));
        await host.PublishAsync(Given.Delay(Given.Shipment(order)));

        await Eventually.Until(() => host.SmsTo(phone).Count == 1, "the SMS after the retry", TimeSpan.FromSeconds(40));
        Assert.Equal(2, host.RequestsTo(phone).Count);
    }

    [Fact]
    public async Task StatusCallback_RecordsEachStatus_AndUndelivered_FallsBackToEmail_Once()
    {
        host.Time.Set(NotificationsHost.Daytime);
        var phone = Given.NewPhone();
        var email = $"{Guid.NewGuid():N}@example.com";
        var order = Given.NewOrder();
        await host.PublishAsync(Given.Order(order, phone, email));
        await host.PublishAsync(Given.Delay(Given.Shipment(order)));
        var alert = Assert.Single(await Eventually.Get(host.Log(order), a => a?.Count == 1 && a[0].ProviderMessageId is not null, "the SMS"));

        foreach (var status in new[] { "sent", "undelivered", "undelivered" })
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new("MessageSid", alert.ProviderMessageId!), new("SmsSid", alert.ProviderMessageId!), new("AccountSid", host.Twilio.AccountSid),
                new("From", NotificationsHost.SenderNumber), new("To", phone), new("MessageStatus", status), new("SmsStatus", status),
                new("ApiVersion", "2010-04-01"),
            };
            if (status == "undelivered")
            {
                form.Add(new("ErrorCode", "30003"));
            }

            var response = await host.PostSignedAsync("/webhooks/twilio/status", form, host.Twilio.AuthToken);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        await Eventually.Until(() => host.Smtp.Received.Any(m => m.EnvelopeTo.Contains(email)), "the fallback email");
        var log = await host.AlertsAsync(order);
        var sms = log.Single(a => a.Channel == AlertChannel.Sms);
        Assert.Equal("Undelivered", sms.State);
        Assert.Equal(1, sms.History.Count(h => h.State == "Sent" && h.Note == "twilio"));
        Assert.Equal(1, sms.History.Count(h => h.State == "Undelivered" && h.ErrorCode == "30003"));
        await Task.Delay(500);
        Assert.Single(host.Smtp.Received, m => m.EnvelopeTo.Contains(email));
        Assert.Contains(host.Service.Published.Of<AlertDeliveryUpdated>(), u => u.AlertId == sms.AlertId && u.Status == AlertDeliveryStatus.Undelivered && u.ErrorCode == "30003");
    }

    [Fact]
    public async Task ForgedStatusCallback_Gets403_AndChangesNothing()
    {
        var form = new List<KeyValuePair<string, string>> { new("MessageSid", "SM123"), new("MessageStatus", "failed") };
        var response = await host.PostSignedAsync("/webhooks/twilio/status", form, "not-the-auth-token");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
