using Marten;
using Refit;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Timeline.Orders;
using Shipping.Timeline.Orders.AddingNote;
using Shipping.Timeline.Orders.RatingDelivery;
using Shipping.Timeline.Privacy;
using Shipping.Timeline.Tests.Infrastructure;

namespace Shipping.Timeline.Tests.Api;

/// <summary>
/// The console's calls through the shared Refit interface, as Web makes them (service key on the client, tenant per call),
/// and what erasure leaves of agents' notes and the customer's rating.
/// </summary>
[Collection(TimelineCollection.Name)]
public class ServiceApiClientTests(TimelineHost host)
{
    private ITimelineServiceApi Client()
    {
        var http = host.Timeline.CreateClient();
        http.DefaultRequestHeaders.Add(ITimelineServiceApi.ServiceKeyHeader, TimelineHost.ServiceKey);
        return RestService.For<ITimelineServiceApi>(http, new RefitSettings(new SystemTextJsonContentSerializer(TimelineHost.Json)));
    }

    [Fact]
    public async Task TheConsolesCalls_ReachTheirEndpoints_WithTheTenantPerCall()
    {
        var (order, tracking) = (TimelineHost.NewOrderNumber(), TimelineHost.NewTrackingNumber());
        var shipment = (await host.RegisterOrderAsync("acme", order, TimelineHost.Today.AddDays(3), ("dhl", tracking)))[0];
        var api = Client();

        var note = await api.AddNoteAsync("acme", order, new AddAgentNote("a-1", "Jana Berg", "Called the customer."));
        var history = await api.GetOrderHistoryAsync("acme", order);
        var asOf = await api.GetShipmentAsOfAsync("acme", shipment, DateTimeOffset.UtcNow.AddMinutes(1));
        var dashboard = await api.GetDashboardAsync("acme", TimelineHost.Today.AddDays(-1), TimelineHost.Today);
        var brands = await api.ListBrandsAsync();
        var export = await api.ExportOrderAsync("acme", order);
        var tooLong = await Assert.ThrowsAsync<ValidationApiException>(() =>
            api.GetDashboardAsync("acme", TimelineHost.Today.AddDays(-400), TimelineHost.Today));
        var elsewhere = await Assert.ThrowsAnyAsync<ApiException>(() => api.GetOrderHistoryAsync("globex", order));

        Assert.Contains(history.Rows, r => r.Kind == TimelineRowKind.AgentNote && r.Summary.Contains(note.Text));
        Assert.Equal(tracking, asOf.TrackingNumber);
        Assert.True(dashboard.Shipments >= 1);
        Assert.Equal(2, dashboard.Days.Count);
        Assert.NotNull(brands);
        Assert.Equal(order, Assert.Single(export.Orders).OrderNumber);
        Assert.Contains("to", tooLong.Content!.Errors.Keys);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Erasure_BlanksAgentsNotesAndTheRatingsComment_InTheHistory_TheReadModels_AndTheStoredEvents()
    {
        var (order, tracking) = (TimelineHost.NewOrderNumber(), TimelineHost.NewTrackingNumber());
        var shipment = (await host.RegisterOrderAsync("acme", order, TimelineHost.Today.AddDays(3), ("dhl", tracking)))[0];
        await host.ScanAsync("acme", shipment, "dhl", tracking, TrackingStatus.Delivered, DateTimeOffset.UtcNow.AddMinutes(-5));
        var api = Client();
        await api.AddNoteAsync("acme", order, new AddAgentNote("a-1", "Jana Berg", "Erika lives above the bakery, ring twice."));
        await api.RateDeliveryAsync("acme", order, new RateDelivery(5, "Thanks, Erika from the bakery"));

        await api.EraseOrderAsync("acme", order);
        var history = await api.GetOrderHistoryAsync("acme", order);
        var tracked = await api.GetTrackedOrderAsync("acme", order);
        var again = await Assert.ThrowsAnyAsync<ApiException>(() => api.RateDeliveryAsync("acme", order, new RateDelivery(4, "Erika again")));

        Assert.DoesNotContain(history.Rows, r => r.Summary.Contains("Erika") || r.Summary.Contains("bakery"));
        Assert.Contains(history.Rows, r => r.Kind == TimelineRowKind.AgentNote && r.Summary.Contains(PersonalDataMasking.ErasedText));
        Assert.Equal((5, (string?)null), (tracked.Rating!.Stars, tracked.Rating.Comment));
        Assert.False(tracked.CanRate);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
        await using var session = host.Store.QuerySession("acme");
        var events = await session.Events.FetchStreamAsync(OrderDetails.IdFor(order));
        Assert.Equal(PersonalDataMasking.ErasedText, events.Select(e => e.Data).OfType<AgentNoteAdded>().Single().Text);
        Assert.Null(events.Select(e => e.Data).OfType<DeliveryRated>().Single().Comment);
    }
}
