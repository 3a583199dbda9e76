using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shipping.Carriers.Watching;
using Shipping.ServiceDefaults;

namespace Shipping.Carriers.Polling;

/// <summary>
/// Looks watched parcels up at the carrier when they are due: claims a batch from the schedule, calls the carrier
/// at no more than the configured rate, routes what it finds, and schedules the next lookup. A carrier's 429 pauses
/// all lookups until its Retry-After; an error or timeout for one parcel never stops the others.
/// </summary>
public sealed class CarrierPoller(
    ICarrierTracker tracker, PollSchedule schedule, ParcelWatchList watchList, IServiceProvider services, CarrierIdentity carrier,
    IOptionsMonitor<PollingOptions> options, TimeProvider time, ILogger<CarrierPoller> logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private DateTimeOffset _nextCallAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = options.Get(carrier.Name);
            try
            {
                if (!settings.Enabled)
                {
                    await Task.Delay(settings.IdleDelay, time, stoppingToken);
                    continue;
                }

                var claimed = await schedule.ClaimDueAsync(_owner, settings.BatchSize, settings.Lease, time.GetUtcNow(), stoppingToken);
                if (claimed.Count == 0)
                {
                    await Task.Delay(settings.IdleDelay, time, stoppingToken);
                    continue;
                }

                foreach (var parcel in claimed)
                {
                    await PollAsync(parcel, settings, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database being away: wait and try again; the leases of anything claimed expire by themselves.
                logger.LogError(e, "Polling {Carrier} failed; retrying shortly", carrier.Name);
                await Task.Delay(settings.AfterFailure < TimeSpan.FromSeconds(30) ? settings.AfterFailure : TimeSpan.FromSeconds(30), time, stoppingToken);
            }
        }
    }

    /// <summary>A graceful stop hands back what this instance had claimed but not looked up; a crash leaves it to the leases.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await schedule.ReleaseAsync(_owner, cancellationToken);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or OperationCanceledException)
        {
            logger.LogWarning(e, "Could not hand back {Carrier} claims on stop; their leases expire by themselves", carrier.Name);
        }
    }

    private async Task PollAsync(ClaimedParcel parcel, PollingOptions settings, CancellationToken ct)
    {
        await WaitForTurnAsync(settings, ct);
        using var activity = Telemetry.Source.StartActivity($"poll {carrier.Name}", ActivityKind.Internal);

        TrackingLookup lookup;
        try
        {
            lookup = await tracker.TrackAsync(parcel.TrackingNumber, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            lookup = new TrackingLookup.Failed(e.GetType().Name + ": " + e.Message);
        }

        var newScans = false;
        Contracts.TrackingStatus? newest = null;
        switch (lookup)
        {
            case TrackingLookup.Found found:
                // The bus is resolved when first needed, not when hosted services are built: MassTransit sets up its
                // logging as its own hosted service starts.
                var bus = services.GetRequiredService<IBus>();
                var routed = await watchList.RouteAsync(parcel.TrackingNumber, found.Scans, bus, ct, found.SelfServiceUrl);
                newScans = routed.Published + routed.Kept > 0;
                newest = found.Scans.MaxBy(s => s.OccurredAt)?.Status;
                break;
            case TrackingLookup.RateLimited limited:
                var pause = limited.RetryAfter ?? settings.AfterFailure;
                _nextCallAt = time.GetUtcNow() + pause;
                logger.LogWarning("{Carrier} rate-limited the tracking API; pausing lookups for {Pause}", carrier.Name, pause);
                break;
            case TrackingLookup.Failed failed:
                logger.LogWarning("Looking up a parcel at {Carrier} failed: {Detail}", carrier.Name, failed.Detail);
                break;
            case TrackingLookup.NotFound:
                logger.LogInformation("{Carrier} does not know a watched parcel yet", carrier.Name);
                break;
        }

        activity?.SetTag("shipping.lookup", lookup.GetType().Name);
        var decision = PollingPolicy.After(parcel, lookup, newest, newScans, settings, time.GetUtcNow(), Random.Shared.NextDouble());
        await schedule.CompleteAsync(_owner, parcel, decision, time.GetUtcNow(), ct);
    }

    /// <summary>Keeps calls at most <see cref="PollingOptions.CallsPerSecond"/>, and waits out a carrier's Retry-After.</summary>
    private async Task WaitForTurnAsync(PollingOptions settings, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_nextCallAt > now)
        {
            await Task.Delay(_nextCallAt - now, time, ct);
        }

        _nextCallAt = time.GetUtcNow() + TimeSpan.FromSeconds(1 / Math.Max(0.001, settings.CallsPerSecond));
    }
}
