using MassTransit;
using Shipping.Contracts;

namespace Shipping.Timeline.Shipments.RecordingCarrierEvent;

/// <summary>
/// Appends carrier scans to the streams of the shipments of their tenant that use their tracking numbers, a batch of
/// scans at a time (<see cref="CarrierScanRecorder"/>): what arrived together is stored in one transaction, whatever
/// tenants it is of. Concurrent appends to a stream fail optimistically and the batch is retried (recording is idempotent).
/// </summary>
public sealed class RecordCarrierEventConsumer(CarrierScanRecorder recorder) : IConsumer<Batch<TrackingEventObserved>>
{
    public Task Consume(ConsumeContext<Batch<TrackingEventObserved>> context) =>
        recorder.RecordAsync(context.Message.Select(m => m.Message).ToList(), context.CancellationToken);
}

public sealed class RecordCarrierEventConsumerDefinition : ConsumerDefinition<RecordCarrierEventConsumer>
{
    /// <summary>Scans in one batch at most.</summary>
    public const int BatchSize = 100;

    /// <summary>Batches recorded at the same time.</summary>
    public const int ConcurrentBatches = 4;

    /// <summary>How long a batch waits for more scans after its first: the most a quiet moment adds to a scan's latency.</summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(10);

    // Enough messages in flight to fill every concurrent batch (it is also the prefetch).
    public RecordCarrierEventConsumerDefinition() => ConcurrentMessageLimit = BatchSize * ConcurrentBatches;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RecordCarrierEventConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = BatchSize * ConcurrentBatches;
        }

        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(BatchSize)
            .SetTimeLimit(BatchWindow)
            .SetConcurrencyLimit(ConcurrentBatches));

        // A losing concurrent writer re-reads the streams and decides the batch again; the database being briefly away
        // is retried too.
        consumerConfigurator.UseMessageRetry(retry =>
        {
            retry.Intervals(10, 50, 100, 250, 500, 1000, 2000, 5000);
            retry.Handle<JasperFx.ConcurrencyException>();
            retry.Handle<Npgsql.NpgsqlException>();
            retry.Handle<TimeoutException>();
        });
    }
}
