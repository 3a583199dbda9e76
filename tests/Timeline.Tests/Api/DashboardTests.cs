using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Testing;
using Shipping.Timeline.Tests.Infrastructure;

namespace Shipping.Timeline.Tests.Api;

/// <summary>Timeline on a clock the test sets, so facts happen on the days the test says.</summary>
public sealed class ClockedTimelineHost() : TimelineHost(Clock)
{
    public static readonly FakeTime Clock = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
}

/// <summary>The dashboard's figures, per UTC day, over two days, two carriers and every kind of fact it counts.</summary>
public class DashboardTests(ClockedTimelineHost host) : IClassFixture<ClockedTimelineHost>
{
    private static readonly DateOnly Monday = new(2026, 11, 2);
    private static readonly DateOnly Tuesday = new(2026, 11, 3);

    private static DateTimeOffset At(DateOnly day, int hour, int offsetHours = 0) =>
        new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(offsetHours));

    [Fact]
    public async Task Figures_CountEachFactOnItsUtcDay_OnTimeAgainstThePromise_AlertsOnce_RatingsReplaced()
    {
        var tenant = "dash-" + Guid.NewGuid().ToString("N")[..8];
        var clock = ClockedTimelineHost.Clock;
        var (t1, t2, t3, t4) = (TimelineHost.NewTrackingNumber(), TimelineHost.NewTrackingNumber(), TimelineHost.NewTrackingNumber(), TimelineHost.NewTrackingNumber());
        var (o1, o2, o3) = (TimelineHost.NewOrderNumber(), TimelineHost.NewOrderNumber(), TimelineHost.NewOrderNumber());

        // Monday: two shipments registered; one delivered a day early (on time), the other hits a problem.
        clock.Set(At(Monday, 8));
        var s1 = (await host.RegisterOrderAsync(tenant, o1, Tuesday, ("dhl", t1)))[0];
        var s2 = (await host.RegisterOrderAsync(tenant, o2, Monday, ("simulator", t2)))[0];
        clock.Set(At(Monday, 10));
        await host.ScanAsync(tenant, s2, "simulator", t2, TrackingStatus.Exception, At(Monday, 10));
        await host.ScanAsync(tenant, s1, "dhl", t1, TrackingStatus.Delivered, At(Monday, 15, offsetHours: 1));
        await host.Bus.Publish(Alert(tenant, o2, [s2], AlertChannel.Sms, At(Monday, 11)));
        clock.Set(At(Monday, 16));
        Assert.Equal(HttpStatusCode.OK, (await host.ServiceClient(tenant).PostAsJsonAsync($"/api/orders/{o1}/rating", new RateDelivery(4, null))).StatusCode);

        // Tuesday: one order of two shipments, the carrier's estimate later than promised; the late delivery of Monday's promise.
        clock.Set(At(Tuesday, 8));
        var o3Shipments = await host.RegisterOrderAsync(tenant, o3, Tuesday.AddDays(3), ("dhl", t3), ("dhl", t4));
        var (s3, s4) = (o3Shipments[0], o3Shipments[1]);
        await host.ScanAsync(tenant, s3, "dhl", t3, TrackingStatus.InTransit, At(Tuesday, 8), new DeliveryEstimate(Tuesday.AddDays(5)));
        await host.ScanAsync(tenant, s2, "simulator", t2, TrackingStatus.Delivered, At(Tuesday, 12, offsetHours: 1));
        var email = Alert(tenant, o3, [s3, s4], AlertChannel.Email, At(Tuesday, 9));
        await host.Bus.Publish(email);
        await host.Bus.Publish(email); // a redelivery
        await host.Bus.Publish(Request(tenant, s3, DeliveryChangeChannel.Sms, At(Tuesday, 10)));
        await host.Bus.Publish(Request(tenant, s4, DeliveryChangeChannel.TrackingPage, At(Tuesday, 10)));
        await host.Bus.Publish(Request(tenant, s3, DeliveryChangeChannel.SupportAgent, At(Tuesday, 11), "agent:Jana Berg"));
        await Eventually.Get(async () => (await host.ShipmentAsync(tenant, s3))!.DeliveryChanges.Count + (await host.ShipmentAsync(tenant, s4))!.DeliveryChanges.Count
            + (await host.ShipmentAsync(tenant, s4))!.Alerts.Count, n => n == 4, "requests and alerts recorded");
        clock.Set(At(Tuesday, 14));
        Assert.Equal(HttpStatusCode.OK, (await host.ServiceClient(tenant).PostAsJsonAsync($"/api/orders/{o2}/rating", new RateDelivery(2, "Late."))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.ServiceClient(tenant).PostAsJsonAsync($"/api/orders/{o1}/rating", new RateDelivery(5, null))).StatusCode);
        await host.WaitForProjectionsAsync();

        var both = await host.ServiceClient(tenant).GetFromJsonAsync<DashboardFigures>("/api/dashboard?from=2026-11-02&to=2026-11-03", TimelineHost.Json);
        var tuesday = await host.ServiceClient(tenant).GetFromJsonAsync<DashboardFigures>("/api/dashboard?from=2026-11-03&to=2026-11-03", TimelineHost.Json);
        var otherTenant = await host.ServiceClient("globex").GetFromJsonAsync<DashboardFigures>("/api/dashboard?from=2026-11-02&to=2026-11-03", TimelineHost.Json);

        Assert.Equal((4, 2, 1, 0.5), (both!.Shipments, both.Delivered, both.DeliveredOnTime, both.OnTimeRate));
        Assert.Equal([new DelayCount("dhl", DelayReason.LateCarrierEstimate, 1), new DelayCount("simulator", DelayReason.CarrierProblem, 1)], both.Delays);
        Assert.Equal((2, 1, 0.5), (both.AlertsSent, both.CustomerReplies, both.ReplyRate));
        Assert.Equal([new ChannelCount(AlertChannel.Sms, 1), new ChannelCount(AlertChannel.Email, 1)], both.AlertsByChannel);
        Assert.Equal((1, 0.25, 1), (both.SelfServiceRequests, both.SelfServiceRate, both.AgentRequests));
        Assert.Equal((2, 3.5), (both.Ratings, both.AverageRating));
        Assert.Equal([new DailyFigures(Monday, 1, 1, 1, 1), new DailyFigures(Tuesday, 1, 0, 1, 1)], both.Days);
        Assert.Equal((2, 1, 0, 0.0), (tuesday!.Shipments, tuesday.Delivered, tuesday.DeliveredOnTime, tuesday.OnTimeRate));
        Assert.Equal((2, 3.5), (tuesday.Ratings, tuesday.AverageRating));
        Assert.Equal((0, null, null), (otherTenant!.Shipments, otherTenant.OnTimeRate, otherTenant.AverageRating));
    }

    [Theory]
    [InlineData("from=2026-11-03&to=2026-11-02", "from")]
    [InlineData("from=2026-01-01&to=2027-01-02", "to")]
    [InlineData("from=2026-11-02", "to")]
    [InlineData("from=02.11.2026&to=2026-11-03", "from")]
    public async Task ABadRange_IsRefused_NamingTheField(string query, string field)
    {
        var response = await host.ServiceClient("acme").GetAsync($"/api/dashboard?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([field], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    private static AlertSent Alert(string tenant, string order, IReadOnlyList<Guid> shipments, AlertChannel channel, DateTimeOffset at) =>
        new(Guid.NewGuid(), tenant, order, shipments, channel, "Delayed:CarrierProblem", "delay", "de", null, at);

    private static DeliveryChangeRequested Request(string tenant, Guid shipment, DeliveryChangeChannel channel, DateTimeOffset at, string? by = null) =>
        new(Guid.NewGuid(), tenant, shipment, DeliveryChangeKind.SafePlace, new DeliveryChangeDetails(SafePlace: "Garage"), channel, at, by);
}
