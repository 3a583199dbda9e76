using MassTransit;
using Shipping.Contracts;

namespace Shipping.Notifications.Brands;

/// <summary>
/// Notifications learns brands from <see cref="BrandConfigured"/>; one that started after a brand was set (a new database, or
/// a queue that did not exist yet) would sign its alerts with the default brand until the retailer changed it again. So, once
/// the bus is up, it asks Timeline to announce every brand again; <see cref="BrandConfiguredConsumer"/> keeps the newest.
/// </summary>
public sealed class BrandsAnnouncementOnStart(IBusControl bus, TimeProvider time, ILogger<BrandsAnnouncementOnStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
                await bus.Publish(new BrandsAnnouncementRequested(NewId.NextGuid(), "notifications", time.GetUtcNow()), stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < 10)
            {
                logger.LogWarning(e, "Could not ask for the brands yet (attempt {Attempt}); trying again", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 3)), stoppingToken);
            }
        }
    }
}
