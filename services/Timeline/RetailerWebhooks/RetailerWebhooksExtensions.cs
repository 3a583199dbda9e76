using Marten;
using Shipping.Timeline.RetailerWebhooks.RecordingDelivery;
using Shipping.Timeline.RetailerWebhooks.SendingDelivery;

namespace Shipping.Timeline.RetailerWebhooks;

public static class RetailerWebhooksExtensions
{
    /// <summary>
    /// Outbound webhooks to the retailers: the outbox subscription stores a delivery per status change or delay of a
    /// tenant with a webhook (<see cref="WebhookDeliveryRecorder"/>); <see cref="WebhookDispatcher"/> sends them,
    /// signed, with retries.
    /// </summary>
    public static WebApplicationBuilder AddRetailerWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetailerWebhookOptions>()
            .Bind(builder.Configuration.GetSection(RetailerWebhookOptions.Section))
            .Validate(o => o.RetryBaseDelay > TimeSpan.Zero && o.RetryMaxDelay >= o.RetryBaseDelay, "RetailerWebhooks: RetryBaseDelay must be positive and at most RetryMaxDelay.")
            .Validate(o => o.MaxAttempts >= 1 && o.MaxConcurrentSends >= 1 && o.MaxConcurrentSendsPerTenant >= 1, "RetailerWebhooks: MaxAttempts and the concurrency limits must be at least 1.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero, "RetailerWebhooks: AttemptTimeout and PollInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<RetailerEndpoints>();
        builder.Services.AddSingleton<WebhookDeliveryRecorder>();
        builder.Services.ConfigureMarten(options =>
            options.Schema.For<WebhookDelivery>()
                .UseOptimisticConcurrency(true)
                .Index(d => d.NextAttemptAt));

        // Our own backoff retries, hours apart; the default resilience handler's quick retries would only hold a send slot.
        // RemoveAllResilienceHandlers is marked experimental (EXTEXP0001); it is the documented way to opt one client out.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddHostedService<WebhookDispatcher>();
        return builder;
    }
}
