using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Carriers.Webhooks;
using Shipping.Contracts;
using Shipping.EndToEnd.IntegrationTests.Infrastructure;
using Shipping.Testing;
using Shipping.Timeline.Shipments;

namespace Shipping.EndToEnd.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class ThinSliceTests(PlatformFixture platform)
{
    private const string At = "2026-11-23T09:15:00+01:00";

    [Fact]
    public async Task SignedScan_ShowsInTheOrdersTimeline_ThroughTheBus()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);

        var response = await platform.PostScanAsync(PlatformFixture.ScanBody(tracking, "IN_TRANSIT", At));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var timeline = await Eventually.Get(() => platform.TimelineAsync(order), t => t?.Shipments[0].Events.Count == 1, "the scan in the timeline");
        var shipment = Assert.Single(timeline.Shipments);
        Assert.Equal(TrackingStatus.InTransit, shipment.Status);
        var scan = Assert.Single(shipment.Events);
        Assert.Equal("IN_TRANSIT", scan.RawCode);
        Assert.Equal(DateTimeOffset.Parse(At), scan.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(1), scan.OccurredAt.Offset);
        Assert.Equal("Leipzig", scan.Location?.City);
    }

    [Fact]
    public async Task TimelineJson_WritesStatusesByName_AndTimesWithTheirOffsets()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        await platform.PostScanAsync(PlatformFixture.ScanBody(tracking, "OUT_FOR_DELIVERY", At));
        await Eventually.Get(() => platform.TimelineAsync(order), t => t?.Shipments[0].Events.Count == 1, "the scan in the timeline");

        var json = await platform.TimelineClient().GetStringAsync($"/api/orders/{order}/timeline");

        Assert.Contains("\"status\":\"OutForDelivery\"", json);
        Assert.Contains("\"occurredAt\":\"2026-11-23T09:15:00+01:00\"", json);
    }

    [Fact]
    public async Task SameWebhookTwice_IsPublishedOnce_AndRecordedOnce()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        var body = PlatformFixture.ScanBody(tracking, "ARRIVED", At);

        var first = await platform.PostScanAsync(body);
        var second = await platform.PostScanAsync(body);

        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<WebhookReceipt>())!.Published);
        Assert.Equal(0, (await second.Content.ReadFromJsonAsync<WebhookReceipt>())!.Published);
        var shipment = (await Eventually.Get(() => platform.TimelineAsync(order), t => t?.Shipments[0].Events.Count == 1, "the scan")).Shipments[0];
        Assert.Equal("ARRIVED", Assert.Single(shipment.Events).RawCode);
    }

    [Fact]
    public async Task RedeliveredScan_IsRecordedOnce()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        var at = DateTimeOffset.Parse(At);
        var scan = new TrackingEventObserved(
            StableIds.ForCarrierScan("simulator", tracking, at, "ARRIVED"), "acme", "simulator", tracking,
            TrackingStatus.InTransit, TrackingSubstatus.Arrived, "ARRIVED", "Arrived", at, null, null, at);
        var bus = platform.Simulator.Services.GetRequiredService<MassTransit.IBus>();

        await bus.Publish(scan);
        await bus.Publish(scan);

        await Eventually.Until(
            () => platform.Timeline.Consumed.Count<TrackingEventObserved>(m => m.TrackingNumber == tracking) == 2,
            "Timeline to consume both deliveries");
        var shipment = Assert.Single((await platform.TimelineAsync(order))!.Shipments);
        Assert.Single(shipment.Events);
        await using var session = platform.Timeline.Services.GetRequiredService<IDocumentStore>().QuerySession("acme");
        var stream = await session.Events.FetchStreamAsync(shipment.ShipmentId);
        Assert.Single(stream, e => e.Data is CarrierEventRecorded);
    }

    [Fact]
    public async Task ForgedSignature_Gets401_AndChangesNothing()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);
        var forged = PlatformFixture.ScanBody(tracking, "DELIVERED", At);

        var response = await platform.PostScanAsync(forged, signature: platform.Sign(forged.Replace("DELIVERED", "IN_TRANSIT")));
        var unsigned = await platform.PostScanAsync(forged, signature: "");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        // A genuine scan sent after the forged ones is the only thing the timeline ever shows.
        await platform.PostScanAsync(PlatformFixture.ScanBody(tracking, "IN_TRANSIT", "2026-11-23T08:00:00+01:00"));
        var timeline = await Eventually.Get(() => platform.TimelineAsync(order), t => t?.Shipments[0].Events.Count > 0, "the genuine scan");
        var shipment = Assert.Single(timeline.Shipments);
        Assert.Equal("IN_TRANSIT", Assert.Single(shipment.Events).RawCode);
        Assert.Equal(TrackingStatus.InTransit, shipment.Status);
        Assert.Equal(0, platform.Timeline.Consumed.Count<TrackingEventObserved>(m => m.TrackingNumber == tracking && m.RawCode == "DELIVERED"));
    }

    [Fact]
    public async Task MalformedWebhook_Gets400ProblemDetails_AndPublishesNothing()
    {
        var tracking = PlatformFixture.NewTrackingNumber();
        const string notJson = "{\"trackingNumber\": ";
        var invalid = PlatformFixture.ScanBody(tracking, "IN_TRANSIT", "not a time");

        var malformed = await platform.PostScanAsync(notJson);
        var badField = await platform.PostScanAsync(invalid);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badField.StatusCode);
        var problem = await badField.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("events[0].at", problem!.Errors.Keys);
        var watchList = platform.Simulator.Services.GetRequiredService<Shipping.Carriers.Watching.ParcelWatchList>();
        Assert.Null(await watchList.FindAsync(tracking, default));
    }

    [Fact]
    public async Task OversizedWebhook_IsRefusedBeforeItIsRead_AndPublishesNothing()
    {
        var tracking = PlatformFixture.NewTrackingNumber();
        var padding = new string(' ', WebhookBody.MaxBytes);
        var body = PlatformFixture.ScanBody(tracking, "IN_TRANSIT", At).Replace("{\"trackingNumber\"", "{" + padding + "\"trackingNumber\"");

        var response = await platform.PostScanAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var watchList = platform.Simulator.Services.GetRequiredService<Shipping.Carriers.Watching.ParcelWatchList>();
        Assert.Null(await watchList.FindAsync(tracking, default));
    }

    [Fact]
    public async Task ScanBeforeRegistration_IsParked_ThenDeliveredWhenTheShipmentIsRegistered()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());

        var response = await platform.PostScanAsync(PlatformFixture.ScanBody(tracking, "PICKED_UP", At));
        await platform.RegisterOrderAsync(order, tracking);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var timeline = await Eventually.Get(() => platform.TimelineAsync(order), t => t?.Shipments[0].Events.Count == 1, "the parked scan in the timeline");
        Assert.Equal(TrackingSubstatus.PickedUp, timeline.Shipments[0].Substatus);
    }

    [Fact]
    public async Task LateEstimate_ReachesNotifications_AsOneShipmentDelayed()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking, promised: PlatformFixture.Day(3));

        await platform.PostScanAsync(PlatformFixture.ScanBody(tracking, "IN_TRANSIT", At, estimate: PlatformFixture.Day(5)));
        await platform.PostScanAsync(PlatformFixture.ScanBody(tracking, "ARRIVED", "2026-11-23T11:00:00+01:00", estimate: PlatformFixture.Day(5)));

        var shipment = (await Eventually.Get(() => platform.TimelineAsync(order), t => t?.Shipments[0].Events.Count == 2, "both scans")).Shipments[0];
        var shipmentId = shipment.ShipmentId;
        Assert.Equal((EstimateSource.Carrier, DateOnly.Parse(PlatformFixture.Day(5))), (shipment.ExpectedDelivery?.Source, shipment.ExpectedDelivery?.Estimate.Date));
        Assert.Equal([EstimateSource.Promised, EstimateSource.Carrier], shipment.ExpectedDeliveryRevisions.Select(r => r.Source));
        var alerts = await Eventually.Get(() => platform.DueAlertsAsync(shipmentId), a => a?.Count > 0, "a due alert in Notifications");
        var alert = Assert.Single(alerts);
        Assert.Equal(DelayReason.LateCarrierEstimate, alert.DelayReason);
        Assert.Equal(DateOnly.Parse(PlatformFixture.Day(3)), alert.PromisedDeliveryDate);
        Assert.Equal(DateOnly.Parse(PlatformFixture.Day(5)), alert.NewEstimate?.Date);
        Assert.Equal(1, platform.Notifications.Consumed.Count<ShipmentDelayed>(d => d.ShipmentId == shipmentId));
    }

    [Fact]
    public async Task OneScan_MakesOneTrace_AcrossTheAdaptersRequest_TheBusHop_AndTimelinesDatabaseWork()
    {
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        await platform.RegisterOrderAsync(order, tracking);

        await platform.PostScanAsync(PlatformFixture.ScanBody(tracking, "DEPARTED", At));
        await Eventually.Get(() => platform.TimelineAsync(order), t => t?.Shipments[0].Events.Count == 1, "the scan in the timeline");

        var request = await Eventually.Get(
            () => Task.FromResult(platform.Activities.All.LastOrDefault(a =>
                a.Source.Name == "Microsoft.AspNetCore" && a.GetTagItem("url.path") as string == "/webhooks/simulator"
                && a.GetTagItem("http.response.status_code") is 202)),
            a => a is not null, "the webhook request's span");
        var spans = await Eventually.Get(
            () => Task.FromResult<IReadOnlyList<Activity>?>(platform.Activities.InTrace(request.TraceId)),
            s => s!.Any(IsTimelineConsume) && s!.Any(a => a.Source.Name == "Npgsql" && IsWithin(a, s!.First(IsTimelineConsume), s!)),
            "Timeline's consume span in the same trace", describe: s => ActivityRecorder.Describe(s!));

        var publish = Assert.Single(spans, a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Producer
            && a.DisplayName.StartsWith("Shipping.Contracts:TrackingEventObserved", StringComparison.Ordinal));
        // The scan's message is consumed once; Timeline records scans a batch at a time, and the batch's span (named
        // after the same endpoint) is inside the message's.
        var consume = Assert.Single(spans, a => IsTimelineConsume(a) && !spans.Any(outer => IsTimelineConsume(outer) && IsWithin(a, outer, spans)));
        Assert.True(IsWithin(publish, request, spans));
        Assert.True(IsWithin(consume, publish, spans));
        Assert.Contains(spans, a => a.Source.Name == "Npgsql" && IsWithin(a, consume, spans));
    }

    /// <summary>Timeline's consumer handling the scan (MassTransit names consume spans after the receive endpoint).</summary>
    private static bool IsTimelineConsume(Activity a) =>
        a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Consumer && a.DisplayName == "timeline-record-carrier-event process";

    private static bool IsWithin(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        var bySpan = trace.ToDictionary(a => a.SpanId);
        for (var current = span; current is not null; current = bySpan.GetValueOrDefault(current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }
}
