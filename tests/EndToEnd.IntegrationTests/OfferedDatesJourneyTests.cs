using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Contracts;
using Shipping.Timeline.Shipments;
using Shipping.EndToEnd.IntegrationTests.Infrastructure;
using Shipping.Testing;

namespace Shipping.EndToEnd.IntegrationTests;

/// <summary>
/// The dates a delay alert offers are the carrier's (Simulator → Notifications), and the customer's SMS reply choosing one
/// is accepted by Timeline and confirmed by the carrier: Simulator → Timeline → Notifications → Twilio → Notifications →
/// Timeline → Simulator → Timeline → Notifications → Twilio.
/// </summary>
[Collection(PlatformCollection.Name)]
public class OfferedDatesJourneyTests(PlatformFixture platform)
{
    private const string PublicBaseUrl = "https://notify.example.com"; // Notifications:PublicBaseUrl of the fixture
    private const string InboundPath = "/webhooks/twilio/sms";

    private static string Day(DateOnly date) => date.ToString("ddd d MMM", CultureInfo.GetCultureInfo("en-GB"));

    private IReadOnlyList<string> SmsBodies(string phone) =>
        [.. platform.Twilio.Accepted.Where(f => f.Any(x => x.Key == "To" && x.Value == phone)).Select(f => f.Single(x => x.Key == "Body").Value)];

    [Fact]
    public async Task DelayedParcel_SmsOffersTheSimulatorsDates_AndTheReplyChoosingTheFirst_IsConfirmed()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        var phone = "+49152" + Random.Shared.Next(1000000, 9999999).ToString(CultureInfo.InvariantCulture);
        var registered = await platform.TimelineClient().PostAsJsonAsync("/api/orders", new
        {
            orderNumber = order,
            customer = new { name = "Erika Mustermann", phone, locale = "en-GB", timeZone = "Europe/Berlin", smsOptIn = true },
            promisedDeliveryDate = PlatformFixture.Day(3),
            shipments = new[] { new { carrier = "simulator", trackingNumber = tracking } },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var watchList = platform.Simulator.Services.GetRequiredService<Shipping.Carriers.Watching.ParcelWatchList>();
        await Eventually.Get(() => watchList.FindAsync(tracking, default), p => p?.Watchers.Count > 0, "the simulator to watch the parcel");

        // A later estimate than promised: Timeline finds the delay, the Simulator offers dates from its new estimate on.
        var estimate = DateOnly.ParseExact(PlatformFixture.Day(6), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await platform.PostScanAsync(PlatformFixture.ScanBody(tracking, "IN_TRANSIT", DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:sszzz"),
            estimate: PlatformFixture.Day(6)));
        var offer = await Eventually.Get(
            () => Task.FromResult(platform.Simulator.Published.Of<DeliveryOptionsOffered>().LastOrDefault(o => o.TrackingNumber == tracking && o.Dates.Count > 1 && o.Dates[0] >= estimate)),
            o => o is not null, "the Simulator's offer after the new estimate");

        var body = (await Eventually.Get(() => Task.FromResult<IReadOnlyList<string>?>(SmsBodies(phone)), s => s?.Count > 0, "the delay SMS at Twilio")).Single();
        Assert.Contains($"Reply 1 to deliver on {Day(offer!.Dates[0])}, 2 to leave it with a neighbour, 3 to deliver on {Day(offer.Dates[1])}.", body);

        // Twilio has the SMS a moment before Notifications records it as sent (and open for replies): wait for AlertSent.
        await Eventually.Until(() => platform.Notifications.Published.Of<AlertSent>().Any(a => a.OrderNumber == order), "AlertSent");
        var reply = await InboundSmsAsync(phone, "1");
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var answer = await reply.Content.ReadAsStringAsync();
        Assert.True(answer.Contains(Day(offer.Dates[0]), StringComparison.Ordinal), answer);

        // Timeline accepts the date (it is among the carrier's), the carrier confirms, and the customer hears so.
        var shipmentId = offer.ShipmentId;
        var change = (await Eventually.Get(() => platform.TimelineAsync(order),
            t => t?.Shipments[0].DeliveryChanges.SingleOrDefault()?.State is DeliveryChangeState.Confirmed or DeliveryChangeState.Refused,
            "Timeline's answer")).Shipments[0].DeliveryChanges.Single();
        Assert.Equal(DeliveryChangeState.Confirmed, change.State);
        Assert.Equal(DeliveryChangeChannel.Sms, change.Channel);
        var sent = Assert.Single(platform.Simulator.Consumed.OfType<ChangeDelivery>(c => c.RequestId == change.RequestId));
        Assert.Equal((shipmentId, DeliveryChangeKind.NewDate, offer.Dates[0]), (sent.ShipmentId, sent.Kind, sent.Details.Date));
        var confirmation = await Eventually.Get(() => Task.FromResult<IReadOnlyList<string>?>(SmsBodies(phone)), s => s?.Count > 1, "the confirmation SMS");
        Assert.Contains($"Confirmed: the carrier will deliver it on {Day(offer.Dates[0])}", confirmation[1]);
    }

    /// <summary>An inbound SMS as Twilio posts it, signed with the account's token (Twilio's scheme, written out for the test).</summary>
    private async Task<HttpResponseMessage> InboundSmsAsync(string from, string text)
    {
        var sid = "SM" + Guid.NewGuid().ToString("N");
        var form = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", sid), new("SmsSid", sid), new("AccountSid", platform.Twilio.AccountSid),
            new("From", from), new("To", "+15005550006"), new("Body", text), new("NumSegments", "1"),
        };
        var data = PublicBaseUrl + InboundPath + string.Concat(form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + f.Value));
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(platform.Twilio.AuthToken));
        var request = new HttpRequestMessage(HttpMethod.Post, InboundPath) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data))));
        return await platform.Notifications.CreateClient().SendAsync(request);
    }
}
