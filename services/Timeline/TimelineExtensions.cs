using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using JasperFx.MultiTenancy;
using MassTransit;
using Shipping.ServiceDefaults;
using Shipping.Timeline.Orders;
using Shipping.Timeline.Orders.AddingShipment;
using Shipping.Timeline.Orders.AddingNote;
using Shipping.Timeline.Orders.CancellingOrder;
using Shipping.Timeline.Orders.RatingDelivery;
using Shipping.Timeline.Orders.RegisteringOrder;
using Shipping.Timeline.Publishing;
using Shipping.Timeline.RetailerWebhooks;
using Shipping.Timeline.Shipments;
using Shipping.Timeline.Shipments.ChangingDelivery;
using Shipping.Timeline.Shipments.DetectingDelays;
using Shipping.Timeline.Shipments.OfferingDeliveryOptions;
using Shipping.Timeline.Shipments.RecordingAlerts;
using Shipping.Timeline.Shipments.RecordingCarrierEvent;
using Shipping.Timeline.Tenancy;
using Shipping.Timeline.Tenancy.ApiKeys;
using Shipping.Timeline.Tenancy.Brands;
using Shipping.Timeline.Timelines.GettingOrderTimeline;
using Shipping.Timeline.Timelines.Rows;
using Shipping.Timeline.Tracking;

namespace Shipping.Timeline;

public static class TimelineExtensions
{
    public static WebApplicationBuilder AddTimeline(this WebApplicationBuilder builder)
    {
        builder.AddShippingMarten("timeline", options =>
            {
                // Every retailer's data is its own: documents and events are tenanted, and a stream id is unique per tenant.
                options.Policies.AllDocumentsAreMultiTenanted();
                options.Events.TenancyStyle = TenancyStyle.Conjoined;
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                options.Events.MetadataConfig.HeadersEnabled = true;

                options.Projections.LiveStreamAggregation<Shipment>();
                options.Projections.Add<ShipmentViewProjection>(ProjectionLifecycle.Inline);
                options.Projections.Add<OrderDetailsProjection>(ProjectionLifecycle.Inline);
                options.Projections.Add<TimelineRowProjection>(ProjectionLifecycle.Inline);
                options.Projections.Add<BrandViewProjection>(ProjectionLifecycle.Inline);
                options.Schema.For<TenantApiKey>().Index(k => k.TenantId);
                // Columns of their own (indexed) rather than indexes over the JSON: a row is written for every stored fact.
                // Only the order's own facts (notes, ratings) have an order id: the others are left out of its index.
                options.Schema.For<TimelineRow>()
                    .Duplicate(r => r.ShipmentId)
                    .Duplicate(r => r.OrderId, configure: index => index.Predicate = "order_id is not null");
                // Columns of their own (indexed) rather than indexes over the JSON: the view is rewritten on every scan, and
                // an expression index would take its value out of the (compressed) document again each time. The carrier
                // too: finding a scan's shipments and the outbox's keys then read columns, never the document.
                // No index on LastMovementAt: the stale-tracking scan ORs it with the promised date, which reads the table anyway.
                options.Schema.For<ShipmentView>()
                    .Duplicate(s => s.TrackingNumber)
                    .Duplicate(s => s.OrderNumber)
                    .Duplicate(s => s.Carrier);
            })
            .AddSubscriptionWithServices<IntegrationEventPublisher>(ServiceLifetime.Singleton);

        // Rewritten by every scan (the view, the stream's version) or status change (the summary).
        builder.ReserveRoomForUpdates(fillFactor: 70, eventStreams: true, typeof(ShipmentView), typeof(ReadSide.OrderSummaries.OrderSummaryView));

        builder.Services.AddSingleton<CarrierScanRecorder>();
        builder.AddShippingMassTransit("timeline", bus =>
        {
            bus.AddConsumer<RecordCarrierEventConsumer, RecordCarrierEventConsumerDefinition>();
            bus.AddConsumer<DeliveryChangeRequestedConsumer, DeliveryChangeRequestedConsumerDefinition>();
            bus.AddConsumer<DeliveryChangeAnswerConsumer, DeliveryChangeAnswerConsumerDefinition>();
            bus.AddConsumer<RecordAlertConsumer, RecordAlertConsumerDefinition>();
            bus.AddConsumer<RecordDeliveryOptionsConsumer, RecordDeliveryOptionsConsumerDefinition>();
            bus.AddConsumer<AnnounceBrandsConsumer, AnnounceBrandsConsumerDefinition>();
        });

        // Time-based delay checks run where the async daemon runs: in one designated instance.
        builder.Services.AddOptions<DelayOptions>().BindConfiguration("Timeline:Delays");
        builder.Services.AddSingleton<DelayScanner>();
        if (!string.Equals(builder.Configuration["Marten:Daemon"], "Disabled", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<DelayScanner>());
        }

        builder.Services.AddTenantAuthentication();
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Shipping Timeline API";
            document.Info.Description = "Orders, shipments and their timelines, for retailers' systems. Authenticate with your API key in the X-Api-Key header.";
            return Task.CompletedTask;
        }));
        builder.AddRetailerWebhooks();
        builder.AddReadSide();
        builder.AddDeliveryPerformance();
        builder.AddPrivacy();
        return builder;
    }

    public static WebApplication MapTimelineApi(this WebApplication app)
    {
        var orders = app.MapGroup("/api/orders").RequireAuthorization().WithTags("Orders");
        orders.MapRegisterOrder();
        orders.MapAddShipment();
        orders.MapCancelOrder();
        orders.MapOrderTimeline();
        orders.MapOrderHistory();
        orders.MapAddNote();
        orders.MapRateDelivery();
        app.MapGroup("/api/brand").RequireAuthorization().WithTags("Brand").MapBrand();
        app.MapBrands();
        app.MapGroup("/api/api-keys").RequireAuthorization().WithTags("API keys").MapApiKeys();
        app.MapReadSideApi();
        app.MapPerformanceApi();
        app.MapPrivacyApi();
        app.MapTrackingApi();
        return app;
    }
}
