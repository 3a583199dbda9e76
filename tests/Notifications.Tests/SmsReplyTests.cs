using System.Net;
using System.Net.Http.Json;
using Shipping.Contracts;
using Shipping.Notifications.Sms;
using Shipping.Notifications.Tests.Hosting;
using Shipping.Testing;

namespace Shipping.Notifications.Tests;

/// <summary>Acceptance 2 and the STOP / START / HELP flows: inbound SMS, signed as Twilio signs them, answered in TwiML.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class SmsReplyTests(NotificationsHost host)
{
    private async Task<(string Phone, string Order, ShipmentRegistered Shipment)> DelayAlertSentAsync(string locale = "en-GB", string? email = null)
    {
        host.Time.Set(NotificationsHost.Daytime);
        var phone = Given.NewPhone();
        var order = Given.NewOrder();
        var shipment = Given.Shipment(order);
        await host.PublishAsync(Given.Order(order, phone, email, locale: locale));
        await host.PublishAsync(shipment);
        await host.PublishAsync(Given.Delay(shipment));
        await Eventually.Get(host.Log(order), a => a?.Count == 1 && a[0].ProviderMessageId is not null, "the delay alert");
        return (phone, order, shipment);
    }

    private IReadOnlyList<DeliveryChangeRequested> Requested(ShipmentRegistered shipment) =>
        host.Service.Published.Of<DeliveryChangeRequested>().Where(r => r.ShipmentId == shipment.ShipmentId).ToList();

    [Fact]
    public async Task SignedTwo_AfterADelayAlert_AsksForTheNeighbour_ThenRequestsDeliveryToThem_AndConfirmsTheCarriersAnswer()
    {
        var (phone, _, shipment) = await DelayAlertSentAsync();

        var first = await host.InboundSmsAsync(phone, "2");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith("text/xml", first.Content.Headers.ContentType!.ToString());
        Assert.Contains("<Response><Message>Sure. Which neighbour? Please reply with their name and house number.</Message></Response>", await first.Content.ReadAsStringAsync());
        Assert.Empty(Requested(shipment));

        var sid = NotificationsHost.NewSid();
        var second = await host.InboundSmsAsync(phone, "Schmidt 12", sid);
        Assert.Contains("leave your parcel with Schmidt (no. 12)", await second.Content.ReadAsStringAsync());
        var request = Assert.Single(await Eventually.Get(() => Task.FromResult<IReadOnlyList<DeliveryChangeRequested>?>(Requested(shipment)), r => r?.Count > 0, "DeliveryChangeRequested"));
        Assert.Equal(DeliveryChangeKind.Neighbour, request.Kind);
        Assert.Equal("Schmidt", request.Details.NeighbourName);
        Assert.Equal("12", request.Details.NeighbourHouseNumber);
        Assert.Equal(DeliveryChangeChannel.Sms, request.Channel);
        Assert.Equal(Given.Tenant, request.TenantId);

        // Twilio retrying the same webhook gets the same answer and asks for nothing twice.
        var retried = await host.InboundSmsAsync(phone, "Schmidt 12", sid);
        Assert.Equal(await second.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
        await Task.Delay(300);
        Assert.Single(Requested(shipment));

        // The carrier's answer goes back by SMS.
        await host.PublishAsync(new DeliveryChangeConfirmed(request.RequestId, request.TenantId, shipment.ShipmentId, shipment.Carrier, shipment.TrackingNumber,
            DeliveryChangeKind.Neighbour, "REF-1", host.Time.GetUtcNow()));
        await Eventually.Until(() => host.SmsTo(phone).Count == 2, "the confirmation SMS");
        Assert.Contains("Confirmed: the carrier will leave it with your neighbour", host.SmsTo(phone)[1].Single(f => f.Key == "Body").Value);
    }

    [Fact]
    public async Task ForgedReply_Gets403_AndChangesNothing()
    {
        var (phone, order, shipment) = await DelayAlertSentAsync();

        var forged = await host.InboundSmsAsync(phone, "2", authToken: "someone-elses-token");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var forgedStop = await host.InboundSmsAsync(phone, "STOP", authToken: "someone-elses-token");
        Assert.Equal(HttpStatusCode.Forbidden, forgedStop.StatusCode);

        // Unsigned, or signed for another URL, is forged too.
        var unsigned = await host.Service.CreateClient().PostAsync("/webhooks/twilio/sms",
            new FormUrlEncodedContent([new("From", phone), new("Body", "2"), new("MessageSid", NotificationsHost.NewSid())]));
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);

        // Nothing changed: a real "2" now is still the first answer (the neighbour question), and SMS stays on.
        var real = await host.InboundSmsAsync(phone, "2");
        Assert.Contains("Which neighbour?", await real.Content.ReadAsStringAsync());
        Assert.Empty(Requested(shipment));
        Assert.False((await host.PreferencesAsync(order)).SmsUnsubscribed);
    }

    [Fact]
    public async Task GermanReply_Montag_RequestsTheOfferedMonday()
    {
        var (phone, order, shipment) = await DelayAlertSentAsync("de-DE");
        var alert = host.SmsTo(phone)[0].Single(f => f.Key == "Body").Value;
        Assert.Contains("Antworten Sie 1 für Lieferung am Mo. 30. Nov., 2 für Abgabe bei einem Nachbarn, 3 für Lieferung am Di. 1. Dez.", alert);
        // The SMS ends with a short signed link to the order's tracking page, which Web accepts for this tenant and order only.
        var link = System.Text.RegularExpressions.Regex.Match(alert, @" https://track\.example\.com/t/(?<token>[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)$");
        Assert.True(link.Success, alert);
        Assert.True(link.Groups["token"].Length < 60, link.Value);
        var granted = new Shipping.ServiceDefaults.TrackingLinks(NotificationsHost.TrackingLinkKey).Validate(link.Groups["token"].Value, host.Time.GetUtcNow());
        Assert.Equal((Given.Tenant, order), (granted?.Tenant, granted?.OrderNumber));
        Assert.True(SmsSegments.Count(alert) <= SmsSegments.MaxSegments, alert);

        var response = await host.InboundSmsAsync(phone, "Montag bitte");
        Assert.Contains("Lieferung am Mo. 30. Nov.", await response.Content.ReadAsStringAsync());
        var request = Assert.Single(await Eventually.Get(() => Task.FromResult<IReadOnlyList<DeliveryChangeRequested>?>(Requested(shipment)), r => r?.Count > 0, "DeliveryChangeRequested"));
        Assert.Equal(DeliveryChangeKind.NewDate, request.Kind);
        Assert.Equal(new DateOnly(2026, 11, 30), request.Details.Date);

        // The carrier refuses: the customer hears why, in German, with the carrier's own link.
        await host.PublishAsync(new DeliveryChangeRejected(request.RequestId, request.TenantId, shipment.ShipmentId, shipment.Carrier, shipment.TrackingNumber,
            DeliveryChangeKind.NewDate, "Der Termin ist ausgebucht.", "https://carrier.example/change", host.Time.GetUtcNow()));
        await Eventually.Until(() => host.SmsTo(phone).Count == 2, "the refusal by SMS");
        Assert.Contains(
            $": Der Zusteller konnte die Lieferung von {shipment.TrackingNumber} leider nicht ändern: Der Termin ist ausgebucht. Selbst ändern: https://carrier.example/change https://track.example.com/t/",
            host.SmsTo(phone)[1].Single(f => f.Key == "Body").Value);
    }

    [Fact]
    public async Task UnclearReply_GetsOneShortClarifyingQuestion()
    {
        var (phone, _, shipment) = await DelayAlertSentAsync();
        var response = await host.InboundSmsAsync(phone, "hmm, whenever");
        var twiml = await response.Content.ReadAsStringAsync();
        Assert.Contains("<Message>Sorry, we didn't get that. Reply 1 to deliver on Mon 30 Nov, 2 to leave it with a neighbour, 3 to deliver on Tue 1 Dec.</Message>", twiml);
        Assert.Empty(Requested(shipment));
    }

    [Fact]
    public async Task Stop_Unsubscribes_StopPlease_DoesNot_Help_GivesTheBrandsText_Start_Resubscribes()
    {
        var (phone, order, _) = await DelayAlertSentAsync();
        await host.PublishAsync(new BrandConfigured(Guid.NewGuid(), Given.Tenant,
            new BrandSettings("Acme Outdoor", null, "#123456", "#654321", ["en", "de"], new SupportContact("help@acme.example", "+4930123456", null), null),
            host.Time.GetUtcNow()));
        await Eventually.Until(() => host.Service.Consumed.Count<BrandConfigured>(_ => true) > 0, "the brand");

        var stopPlease = await host.InboundSmsAsync(phone, "STOP PLEASE");
        Assert.Contains("Sorry, we didn't get that.", await stopPlease.Content.ReadAsStringAsync());
        Assert.False((await host.PreferencesAsync(order)).SmsUnsubscribed);

        var help = await host.InboundSmsAsync(phone, "HELP");
        Assert.Contains("<Message>Acme Outdoor: delivery updates by SMS. Reply STOP to unsubscribe, START to resubscribe. Help: +4930123456, help@acme.example</Message>",
            await help.Content.ReadAsStringAsync());

        var stop = await host.InboundSmsAsync(phone, "stop");
        Assert.Equal("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", await stop.Content.ReadAsStringAsync());
        var stopped = await host.PreferencesAsync(order);
        Assert.True(stopped.SmsUnsubscribed);
        Assert.Contains(stopped.ConsentHistory, c => c is { What: "sms:off", Source: "sms:STOP" });

        // While unsubscribed, the next alert does not go by SMS.
        var sent = host.SmsTo(phone).Count;
        var shipment = Given.Shipment(order);
        await host.PublishAsync(Given.Status(shipment, TrackingStatus.InTransit, TrackingStatus.OutForDelivery, host.Time.GetUtcNow()));
        await Eventually.Get(host.Log(order), a => a?.Any(x => x.Trigger == "OutForDelivery" && x.State == "Dropped") == true, "the alert dropped");
        Assert.Equal(sent, host.SmsTo(phone).Count);

        var start = await host.InboundSmsAsync(phone, "START");
        Assert.Contains("Acme Outdoor: you will get delivery updates by SMS again.", await start.Content.ReadAsStringAsync());
        var started = await host.PreferencesAsync(order);
        Assert.False(started.SmsUnsubscribed);
        Assert.True(started.Sms);
    }

    [Fact]
    public async Task SignatureOverTheUrlWithItsDefaultPort_IsAcceptedToo()
    {
        var (phone, _, _) = await DelayAlertSentAsync();
        var form = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", NotificationsHost.NewSid()), new("AccountSid", host.Twilio.AccountSid), new("From", phone),
            new("To", NotificationsHost.SenderNumber), new("Body", "2"),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/sms") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(Shipping.Notifications.Sms.TwilioSignature.Header,
            TestSignature.Sign(host.Twilio.AuthToken, NotificationsHost.PublicBaseUrl.Replace(".com", ".com:443", StringComparison.Ordinal) + "/webhooks/twilio/sms", form));
        var response = await host.Service.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Which neighbour?", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reply_GoesToTheCustomersMostRecentOpenAlert()
    {
        var (phone, _, older) = await DelayAlertSentAsync();
        var order = Given.NewOrder();
        var newer = Given.Shipment(order);
        await host.PublishAsync(Given.Order(order, phone));
        await host.PublishAsync(newer);
        await host.PublishAsync(Given.Delay(newer));
        await Eventually.Get(host.Log(order), a => a?.Count == 1 && a[0].SentAt is not null, "the second alert sent and logged");

        await host.InboundSmsAsync(phone, "2");
        await host.InboundSmsAsync(phone, "Frau Schmidt, Nr. 12a");
        var request = Assert.Single(await Eventually.Get(() => Task.FromResult<IReadOnlyList<DeliveryChangeRequested>?>(Requested(newer)), r => r?.Count > 0, "the request for the newer shipment"));
        Assert.Equal(("Frau Schmidt", "12a"), (request.Details.NeighbourName, request.Details.NeighbourHouseNumber));
        Assert.Empty(Requested(older));
    }

    [Fact]
    public async Task TriggerSwitchedOffByTheBrand_SendsNothing()
    {
        host.Time.Set(NotificationsHost.Daytime);
        const string tenant = "quiet-brand";
        var phone = Given.NewPhone();
        var order = Given.NewOrder();
        (await host.Api(tenant).PutAsJsonAsync("/api/notifications/triggers", new Contracts.Api.AlertTriggers(["OutForDelivery"]), NotificationsHost.Json)).EnsureSuccessStatusCode();
        await host.PublishAsync(Given.Order(order, phone, tenant: tenant));
        var shipment = Given.Shipment(order, tenant);
        await host.PublishAsync(Given.Status(shipment, TrackingStatus.InTransit, TrackingStatus.OutForDelivery, host.Time.GetUtcNow()));
        await Eventually.Until(() => host.Service.Consumed.Count<ShipmentStatusChanged>(s => s.ShipmentId == shipment.ShipmentId) == 1, "the status change");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Empty(await host.AlertsAsync(order, tenant));
        Assert.Empty(host.RequestsTo(phone));

        // Another trigger of the same brand still works.
        await host.PublishAsync(Given.Status(shipment, TrackingStatus.OutForDelivery, TrackingStatus.Delivered, host.Time.GetUtcNow().AddHours(1)));
        await Eventually.Until(() => host.RequestsTo(phone).Count == 1, "the delivered alert");
    }
}
