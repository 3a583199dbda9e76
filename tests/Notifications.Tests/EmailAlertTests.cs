using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MimeKit;
using Shipping.Contracts;
using Shipping.Notifications.Tests.Hosting;
using Shipping.Testing;

namespace Shipping.Notifications.Tests;

/// <summary>Acceptance 4 and email replies: a real SMTP conversation; SendGrid Inbound Parse posts for the replies.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class EmailAlertTests(NotificationsHost host)
{
    /// <summary>A brand of these tests' own, so no other test's brand settings show in these emails.</summary>
    private const string Tenant = "outdoor";

    private async Task<(string Email, string Order, ShipmentRegistered Shipment, ReceivedEmail Received)> EmailAlertAsync(string locale)
    {
        host.Time.Set(NotificationsHost.Daytime);
        await host.PublishAsync(new BrandConfigured(Guid.NewGuid(), Tenant,
            new BrandSettings("Acme Outdoor", "https://cdn.acme.example/logo.png", "#0A7B3E", "#F2A900", ["en", "de"],
                new SupportContact("help@acme.example", null, null), "https://acme.example/privacy"), host.Time.GetUtcNow()));
        var email = $"{Guid.NewGuid():N}@example.com";
        var order = Given.NewOrder();
        var shipment = Given.Shipment(order, Tenant);
        await host.PublishAsync(Given.Order(order, phone: null, email, smsOptIn: false, locale: locale, tenant: Tenant));
        await host.PublishAsync(shipment);
        await host.PublishAsync(Given.Delay(shipment));
        await Eventually.Until(() => host.Smtp.Received.Any(m => m.EnvelopeTo.Contains(email)), "the email at the SMTP server");
        return (email, order, shipment, host.Smtp.Received.Single(m => m.EnvelopeTo.Contains(email)));
    }

    [Fact]
    public async Task EmailAlert_ArrivesAtARealSmtpServer_WithHtmlAndTextParts_TheUnsubscribeHeader_AndASignedReplyTo()
    {
        var (email, order, shipment, received) = await EmailAlertAsync("de-DE");
        var message = received.Message;

        Assert.Contains(new[] { "EHLO", "MAIL", "RCPT", "DATA", "QUIT" }, verb => host.Smtp.Commands.Contains(verb));
        Assert.Equal("alerts@notify.example.com", received.EnvelopeFrom);
        Assert.Equal(email, ((MailboxAddress)message.To.Single()).Address);
        Assert.Equal("Acme Outdoor", ((MailboxAddress)message.From.Single()).Name);
        Assert.Equal($"Acme Outdoor: Neuigkeiten zu Ihrer Bestellung {order}", message.Subject);

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        var text = alternative.OfType<TextPart>().Single(p => p.IsPlain).Text;
        var html = alternative.OfType<TextPart>().Single(p => p.IsHtml).Text;
        Assert.Contains($"Ihr Paket {shipment.TrackingNumber} verspätet sich. Neue Schätzung: Fr. 27. Nov.", text);
        Assert.Contains("1 - Lieferung am Mo. 30. Nov.", text);
        Assert.Contains("2 - Abgabe bei einem Nachbarn", text);
        Assert.Contains("Guten Tag Erika Mustermann", html);
        Assert.Contains("src=\"https://cdn.acme.example/logo.png\"", html);
        Assert.Contains("background:#0A7B3E", html);
        Assert.Contains("color:#F2A900", html);

        // A signed link to this order's tracking page, which Web accepts for this tenant and order only.
        var trackingLink = System.Text.RegularExpressions.Regex.Match(text, @"Sendung verfolgen: https://track\.example\.com/t/(?<token>[A-Za-z0-9_\-.]+)");
        Assert.True(trackingLink.Success, text);
        Assert.Contains($"href=\"https://track.example.com/t/{trackingLink.Groups["token"].Value}\"", html);
        var granted = new Shipping.ServiceDefaults.TrackingLinks(NotificationsHost.TrackingLinkKey).Validate(trackingLink.Groups["token"].Value, host.Time.GetUtcNow());
        Assert.Equal((Tenant, order), (granted?.Tenant, granted?.OrderNumber));

        var unsubscribe = message.Headers["List-Unsubscribe"] ?? "";
        Assert.Matches($"^<{NotificationsHost.PublicBaseUrl}/unsubscribe/email/[A-Za-z0-9_-]+>$", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Matches("^reply\\+[A-Za-z0-9_-]+@reply\\.notify\\.example\\.com$", ((MailboxAddress)message.ReplyTo.Single()).Address);

        var alert = Assert.Single(await Eventually.Get(host.Log(order, Tenant), a => a?.Count == 1 && a[0].State == "Sent", "the logged email"));
        Assert.Equal(AlertChannel.Email, alert.Channel);
        Assert.Equal("alert/de", alert.Template);
        Assert.Equal("de", alert.Language);
        Assert.Equal(message.MessageId, alert.ProviderMessageId);

        // One click on the unsubscribe link (RFC 8058) turns email off.
        var link = unsubscribe.Trim('<', '>').Replace(NotificationsHost.PublicBaseUrl, "", StringComparison.Ordinal);
        var clicked = await host.Service.CreateClient().PostAsync(link, new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        Assert.False((await host.PreferencesAsync(order, Tenant)).Email);
        var forgedLink = await host.Service.CreateClient().PostAsync(link[..^3] + "AAA", null);
        Assert.Equal(HttpStatusCode.NotFound, forgedLink.StatusCode);
    }

    [Fact]
    public async Task EmailReply_AfterTheQuotedOriginalIsCut_RequestsTheChosenDay_AndIsAnsweredByEmail()
    {
        var (email, _, shipment, received) = await EmailAlertAsync("en-GB");
        var replyTo = ((MailboxAddress)received.Message.ReplyTo.Single()).Address;

        var unauthenticated = await PostInboundAsync(replyTo, email, "1", secret: "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal("application/problem+json", unauthenticated.Content.Headers.ContentType?.MediaType);

        var quoted = "Monday please\r\n\r\nOn Wed, 25 Nov 2026 at 10:00, Acme Outdoor <alerts@notify.example.com> wrote:\r\n> Reply to this email with the number of your choice:\r\n>   2 - leave it with a neighbour\r\n";
        var response = await PostInboundAsync(replyTo, email, quoted);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var request = Assert.Single(await Eventually.Get(
            () => Task.FromResult<IReadOnlyList<DeliveryChangeRequested>?>(host.Service.Published.Of<DeliveryChangeRequested>().Where(r => r.ShipmentId == shipment.ShipmentId).ToList()),
            r => r?.Count > 0, "DeliveryChangeRequested"));
        Assert.Equal(DeliveryChangeKind.NewDate, request.Kind);
        Assert.Equal(new DateOnly(2026, 11, 30), request.Details.Date);
        Assert.Equal(DeliveryChangeChannel.Email, request.Channel);

        await Eventually.Until(() => host.Smtp.Received.Count(m => m.EnvelopeTo.Contains(email)) == 2, "the answer by email");
        var answer = host.Smtp.Received.Last(m => m.EnvelopeTo.Contains(email)).Message;
        Assert.Contains("We've asked the carrier to deliver on Mon 30 Nov", answer.TextBody);
    }

    [Fact]
    public async Task EmailReply_WithAForgedToken_ChangesNothing()
    {
        var (email, _, shipment, received) = await EmailAlertAsync("en-GB");
        var replyTo = ((MailboxAddress)received.Message.ReplyTo.Single()).Address;
        var forged = "reply+" + new string('A', replyTo.IndexOf('@') - 6) + replyTo[replyTo.IndexOf('@')..];

        var response = await PostInboundAsync(forged, email, "2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // SendGrid would only retry anything else
        await Task.Delay(1000);
        Assert.DoesNotContain(host.Service.Published.Of<DeliveryChangeRequested>(), r => r.ShipmentId == shipment.ShipmentId);
        Assert.Single(host.Smtp.Received, m => m.EnvelopeTo.Contains(email));
    }

    private async Task<HttpResponseMessage> PostInboundAsync(string to, string from, string text, string secret = NotificationsHost.InboundSecret)
    {
        // SendGrid's Inbound Parse: multipart/form-data with from, to, subject, text, html, envelope (JSON), headers.
        var form = new MultipartFormDataContent
        {
            { new StringContent($"Received: from mx.example.com\nMessage-ID: <{Guid.NewGuid():N}@mail.example.com>\nSubject: Re: news\n"), "headers" },
            { new StringContent($"Erika <{from}>"), "from" },
            { new StringContent(to), "to" },
            { new StringContent("Re: news about your order"), "subject" },
            { new StringContent(text), "text" },
            { new StringContent($"<div>{System.Net.WebUtility.HtmlEncode(text)}</div>"), "html" },
            { new StringContent($$"""{"to":["{{to}}"],"from":"{{from}}"}"""), "envelope" },
            { new StringContent("UTF-8"), "charsets" },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/email/inbound") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"sendgrid:{secret}")));
        return await host.Service.CreateClient().SendAsync(request);
    }
}
