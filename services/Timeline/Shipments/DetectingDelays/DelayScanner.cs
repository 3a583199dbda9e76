using Marten;
using Microsoft.Extensions.Options;
using Shipping.Contracts;

namespace Shipping.Timeline.Shipments.DetectingDelays;

/// <summary>Configuration section <c>Timeline:Delays</c>.</summary>
public sealed class DelayOptions
{
    /// <summary>No movement for longer than this, while not delivered, is a delay (stale tracking).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How often the time-based delay checks run.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Finds the delays that time alone reveals — stale tracking and a promised date passed without delivery — by a
/// periodic scan over the shipment read model, across tenants, then decides on each candidate's own stream
/// (<see cref="ShipmentDecider.CheckDelays"/>), which announces each reason once. Runs in the one instance that runs
/// Marten's async daemon (<c>Marten:Daemon</c> not <c>Disabled</c>), so no two instances scan at once.
/// </summary>
public sealed class DelayScanner(IDocumentStore store, IOptionsMonitor<DelayOptions> options, TimeProvider time, ILogger<DelayScanner> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "The delay scan failed; it runs again at the next interval");
            }

            try
            {
                await Task.Delay(options.CurrentValue.ScanInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <returns>How many delays were announced.</returns>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var settings = options.CurrentValue;
        var staleBefore = now - settings.StaleAfter;
        // The promised day may still be running somewhere: the decider checks it in the customer's own zone.
        var promisedBefore = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);

        await using var query = store.QuerySession();
        var candidates = await query.Query<ShipmentView>()
            .Where(s => s.AnyTenant())
            .Where(s => s.CancelledAt == null && s.Status != TrackingStatus.Delivered && s.Status != TrackingStatus.ReturnToSender && s.Status != TrackingStatus.Expired)
            .Where(s => s.LastMovementAt < staleBefore || (s.PromisedDeliveryDate != null && s.PromisedDeliveryDate < promisedBefore))
            .Select(s => new { s.Id, s.TenantId })
            .ToListAsync(ct);

        var announced = 0;
        foreach (var candidate in candidates)
        {
            try
            {
                await using var session = store.LightweightSession(candidate.TenantId!);
                var stream = await session.Events.FetchForWriting<Shipment>(candidate.Id, ct);
                if (stream.Aggregate is null)
                {
                    continue;
                }

                var events = ShipmentDecider.CheckDelays(stream.Aggregate, now, settings.StaleAfter);
                if (events.Count > 0)
                {
                    stream.AppendMany(events);
                    await session.SaveChangesAsync(ct);
                    announced += events.Count;
                }
            }
            catch (JasperFx.ConcurrencyException)
            {
                // A scan arrived at the same moment: this shipment is looked at again next time.
            }
        }

        return announced;
    }
}
