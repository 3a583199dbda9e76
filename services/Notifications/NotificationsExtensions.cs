using Marten;
using MassTransit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Refit;
using Shipping.Notifications.Alerts;
using Shipping.Notifications.Alerts.Deciding;
using Shipping.Notifications.Alerts.Log;
using Shipping.Notifications.Alerts.Sending;
using Shipping.Notifications.Brands;
using Shipping.Notifications.Customers;
using Shipping.Notifications.Email;
using Shipping.Notifications.Email.Inbound;
using Shipping.Notifications.Outbox;
using Shipping.Notifications.Replies;
using Shipping.Notifications.Shipments;
using Shipping.Notifications.Sms;
using Shipping.Notifications.Sms.Webhooks;
using Shipping.ServiceDefaults;

namespace Shipping.Notifications;

public static class NotificationsExtensions
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        // Every document carries its TenantId, and every query names it (DueAlert, the platform's first slice, is read
        // across tenants by the end-to-end tests, so Marten's conjoined tenancy is not switched on here).
        builder.AddShippingMarten("notifications", options =>
        {
            options.Schema.For<DueAlert>().Index(a => a.ShipmentId);
            options.Schema.For<Alert>().UseOptimisticConcurrency(true)
                .Index(a => a.TenantId).Index(a => a.OrderNumber).Index(a => a.DueAt).Index(a => a.ProviderMessageId!).Index(a => a.Recipient!);
            options.Schema.For<AlertClaim>();
            options.Schema.For<AlertBatch>().UseOptimisticConcurrency(true);
            options.Schema.For<CustomerContact>().Index(c => c.Phone!);
            options.Schema.For<TrackedShipment>().UseOptimisticConcurrency(true); // the carrier's offer and the alert consumers write it concurrently
            options.Schema.For<BrandProfile>().Identity(b => b.Id);
            options.Schema.For<OutboxMessage>().Index(m => m.TenantId);
            options.Schema.For<InboundMessage>();
            options.Schema.For<ChangeRequest>();
        });
        builder.AddShippingMassTransit("notifications", bus =>
        {
            bus.AddConsumer<DecideDelayAlertConsumer, DecideDelayAlertConsumerDefinition>();
            bus.AddConsumer<DecideStatusAlertConsumer, DecideStatusAlertConsumerDefinition>();
            bus.AddConsumer<ShipmentRegisteredConsumer, ShipmentRegisteredConsumerDefinition>();
            bus.AddConsumer<DeliveryOptionsOfferedConsumer, DeliveryOptionsOfferedConsumerDefinition>();
            bus.AddConsumer<OrderPlacedConsumer, OrderPlacedConsumerDefinition>();
            bus.AddConsumer<CustomerDataErasedConsumer, CustomerDataErasedConsumerDefinition>();
            bus.AddConsumer<BrandConfiguredConsumer, BrandConfiguredConsumerDefinition>();
            bus.AddConsumer<DeliveryChangeAnswerConsumer, DeliveryChangeAnswerConsumerDefinition>();
        });

        builder.Services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.Section);
        builder.Services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section);
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .Validate<IOptions<SmtpOptions>>(
                (email, smtp) => !smtp.Value.IsConfigured || !string.IsNullOrEmpty(email.TokenKey),
                "Email:TokenKey must be set when Smtp:Host is: every email carries a signed reply address and unsubscribe link.")
            .ValidateOnStart();

        builder.Services
            .AddRefitGeneratedClient<ITwilioApi>(new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(TwilioJsonContext.Default.Options) })
            .ConfigureHttpClient((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<TwilioOptions>>().Value.BaseUrl.TrimEnd('/')))
            .AddHttpMessageHandler(sp => new TwilioBasicAuthentication(sp.GetRequiredService<IOptionsMonitor<TwilioOptions>>()));

        builder.Services.AddSingleton<AlertPlanner>();
        builder.Services.AddSingleton<EmailTemplates>();
        builder.Services.AddSingleton<AlertTokens>();
        builder.Services.AddSingleton<AlertComposer>();
        builder.Services.AddSingleton<IMessageSender, MessageSender>();
        builder.Services.AddScoped<ReplyHandler>();
        builder.Services.AddSingleton<AlertDispatcher>();
        builder.Services.AddHostedService<BrandsAnnouncementOnStart>();
        if (!string.Equals(builder.Configuration["Marten:Daemon"], "Disabled", StringComparison.OrdinalIgnoreCase))
        {
            // Like Marten's daemon: exactly one instance sends (the Sending claim also guards against a second one).
            builder.Services.AddHostedService(sp => sp.GetRequiredService<AlertDispatcher>());
        }

        builder.Services.AddAuthentication(ServiceKeyAuthenticationHandler.SchemeName)
            .AddServiceKeys();
        builder.Services.AddAuthorization();
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Shipping Notifications API";
            document.Info.Description = "The message log, local outbox, resends, contact preferences and alert triggers, for the platform's own services (X-Service-Key and X-Tenant-Id).";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        var api = app.MapGroup("/api/notifications").RequireAuthorization().WithTags("Notifications");
        api.MapMessageLog();
        api.MapPreferences();
        api.MapTriggers();
        app.MapTwilioWebhooks();
        app.MapEmailWebhooks();
        return app;
    }
}
