using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Contracts;
using Shipping.EndToEnd.IntegrationTests.Infrastructure;
using Shipping.Testing;
using Shipping.Timeline.Shipments;

namespace Shipping.EndToEnd.IntegrationTests;

/// <summary>
/// A delay found by Timeline reaches the customer as one SMS through (fake) Twilio, and the alert comes back onto the
/// shipment's timeline for support agents: Timeline → Notifications → Twilio → Notifications → Timeline.
/// </summary>
[Collection(PlatformCollection.Name)]
public class AlertJourneyTests(PlatformFixture platform)
{
    [Fact]
    public async Task LateEstimate_SendsTheOptedInCustomerOneSms_AndTheAlertShowsOnTheShipmentsTimeline()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        var phone = "+49151" + Random.Shared.Next(1000000, 9999999);
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

        await platform.PostScanAsync(PlatformFixture.ScanBody(tracking, "IN_TRANSIT", DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:sszzz"), estimate: PlatformFixture.Day(5)));

        var sms = await Eventually.Get(
            () => Task.FromResult<List<RecordedRequest>?>(platform.Twilio.MessageRequests.Where(r => FakeTwilio.Form(r).Any(f => f.Key == "To" && f.Value == phone)).ToList()),
            r => r?.Count > 0, "the SMS at Twilio");
        var form = FakeTwilio.Form(Assert.Single(sms)).ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal("+15005550006", form["From"]);
        Assert.Contains(tracking, form["Body"]);

        var shipmentId = ShipmentView.IdFor(order, "simulator", tracking);
        var details = await Eventually.Get(
            () => platform.TimelineClient().GetFromJsonAsync<Shipping.Contracts.Api.ShipmentDetails>($"/api/shipments/{shipmentId}", PlatformFixture.Json),
            d => d?.Alerts?.Count > 0, "the alert on the shipment's timeline");
        var alert = Assert.Single(details.Alerts!);
        Assert.Equal(AlertChannel.Sms, alert.Channel);
        Assert.Equal("en", alert.Language);

        await Task.Delay(TimeSpan.FromSeconds(1)); // the dispatcher runs every 100 ms: a second SMS would be out by now
        Assert.Single(platform.Twilio.MessageRequests, r => FakeTwilio.Form(r).Any(f => f.Key == "To" && f.Value == phone));
    }
}
