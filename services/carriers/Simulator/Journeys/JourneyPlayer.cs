using System.Threading.Channels;
using MassTransit;
using Microsoft.Extensions.Options;
using Shipping.Carriers.Watching;
using Shipping.Contracts;

namespace Shipping.Carriers.Simulator.Journeys;

/// <summary>
/// Plays demo journeys: each step becomes a scan, stamped with the current time in the location's zone, that
/// goes through the same watch list and publisher as a real webhook. Journeys run side by side.
/// </summary>
public sealed class JourneyPlayer(
    ParcelWatchList watchList, IServiceProvider services, TimeProvider time, IOptions<SimulatorOptions> options, ILogger<JourneyPlayer> logger)
    : BackgroundService
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private readonly Channel<(string TrackingNumber, JourneyScenario Scenario)> _requests =
        Channel.CreateBounded<(string, JourneyScenario)>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <returns>False when too many journeys are queued.</returns>
    public bool Enqueue(string trackingNumber, JourneyScenario scenario) => _requests.Writer.TryWrite((trackingNumber, scenario));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        try
        {
            await foreach (var (trackingNumber, scenario) in _requests.Reader.ReadAllAsync(stoppingToken))
            {
                running.RemoveAll(t => t.IsCompleted);
                running.Add(PlayAsync(trackingNumber, scenario, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }

        await Task.WhenAll(running);
    }

    private async Task PlayAsync(string trackingNumber, JourneyScenario scenario, CancellationToken ct)
    {
        logger.LogInformation("Playing the {Scenario} journey for {TrackingNumber}", scenario.Name, trackingNumber);
        foreach (var step in scenario.Steps)
        {
            try
            {
                var at = TimeZoneInfo.ConvertTime(time.GetUtcNow(), Berlin);
                var estimate = step.EstimateInDays is { } days ? new DeliveryEstimate(DateOnly.FromDateTime(at.Date).AddDays(days)) : null;
                var canonical = Webhooks.SimulatorNormaliser.Codes[step.Code];
                var scan = CarrierScan.Create(
                    SimulatorOptions.Carrier, trackingNumber, canonical.Status, canonical.Substatus,
                    step.Code, step.Description, at, step.Location, estimate);
                await watchList.RouteAsync(trackingNumber, [scan], services.GetRequiredService<IBus>(), ct);
                await Task.Delay(options.Value.Journeys.StepInterval, time, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "A step of the {Scenario} journey for {TrackingNumber} failed; the journey stops", scenario.Name, trackingNumber);
                return;
            }
        }
    }
}
