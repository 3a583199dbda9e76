using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Marten;
using Microsoft.Extensions.Options;

namespace Shipping.Timeline.RetailerWebhooks.SendingDelivery;

/// <summary>
/// Sends due webhook deliveries. Every poll it looks, tenant by tenant, for deliveries whose attempt is due, claims each
/// one (an optimistic-concurrency write that pushes its due time past the attempt's timeout, so of several instances
/// only one sends it, and a delivery whose sender died is picked up again later) and sends it in the background.
/// A 2xx marks it Delivered; anything else (another status, a timeout, a refused connection) reschedules it with
/// exponential backoff and jitter, until the last attempt marks it Failed. Attempts in flight are limited overall and
/// per tenant, and each has a short timeout: a slow or down endpoint delays only its own tenant's deliveries.
/// Delivery is at least once; receivers de-duplicate by <c>X-Shipping-Event-Id</c>.
/// </summary>
public sealed class WebhookDispatcher(
    IDocumentStore store,
    RetailerEndpoints endpoints,
    IHttpClientFactory httpClients,
    IOptions<RetailerWebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "retailer-webhooks";

    /// <summary>How far past its timeout a claimed attempt is given before another instance may take the delivery over.</summary>
    private static readonly TimeSpan ClaimMargin = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, int> _inFlightByTenant = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var (tenant, problem) in endpoints.Misconfigured)
        {
            logger.LogWarning("Webhooks for tenant {Tenant} are not sent: {Problem}", tenant, problem);
        }

        if (endpoints.Tenants.Count == 0)
        {
            return;
        }

        var settings = options.Value;
        using var slots = new SemaphoreSlim(settings.MaxConcurrentSends);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var tenant in endpoints.Tenants)
                {
                    try
                    {
                        await StartDueAsync(tenant, slots, settings, stoppingToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogWarning(e, "Looking for due webhooks of tenant {Tenant} failed; trying again at the next poll", tenant);
                    }
                }

                await Task.Delay(settings.PollInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(_running.Keys);
        }
    }

    private async Task StartDueAsync(string tenant, SemaphoreSlim slots, RetailerWebhookOptions settings, CancellationToken ct)
    {
        var free = Math.Min(settings.MaxConcurrentSendsPerTenant - _inFlightByTenant.GetValueOrDefault(tenant), slots.CurrentCount);
        if (free <= 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        IReadOnlyList<WebhookDelivery> due;
        await using (var query = store.QuerySession(tenant))
        {
            due = await query.Query<WebhookDelivery>()
                .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt)
                .Take(free)
                .ToListAsync(ct);
        }

        foreach (var delivery in due)
        {
            if (!await TryClaimAsync(delivery, now + settings.AttemptTimeout + ClaimMargin, ct) || !slots.Wait(0))
            {
                continue;
            }

            _inFlightByTenant.AddOrUpdate(tenant, 1, (_, n) => n + 1);
            var send = Task.Run(() => AttemptAsync(delivery, settings, ct), CancellationToken.None);
            _running[send] = true;
            _ = send.ContinueWith(done =>
            {
                _running.TryRemove(done, out _);
                _inFlightByTenant.AddOrUpdate(tenant, 0, (_, n) => n - 1);
                slots.Release();
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Wins the delivery for this instance, or learns that another instance already did.</summary>
    private async Task<bool> TryClaimAsync(WebhookDelivery delivery, DateTimeOffset claimedUntil, CancellationToken ct)
    {
        delivery.NextAttemptAt = claimedUntil;
        try
        {
            await SaveAsync(delivery, ct);
            return true;
        }
        catch (JasperFx.ConcurrencyException)
        {
            return false;
        }
    }

    private async Task AttemptAsync(WebhookDelivery delivery, RetailerWebhookOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            if (!endpoints.TryGet(delivery.TenantId, out var endpoint))
            {
                return;
            }

            var failure = await SendAsync(delivery, endpoint, settings.AttemptTimeout, stoppingToken);
            var now = time.GetUtcNow();
            delivery.Attempts++;
            if (failure is null)
            {
                delivery.State = DeliveryState.Delivered;
                delivery.DeliveredAt = now;
                delivery.LastError = null;
            }
            else if (delivery.Attempts >= settings.MaxAttempts)
            {
                delivery.State = DeliveryState.Failed;
                delivery.LastError = failure;
                logger.LogWarning("Webhook {EventId} to tenant {Tenant} failed {Attempts} times (last: {Failure}); given up",
                    delivery.Id, delivery.TenantId, delivery.Attempts, failure);
            }
            else
            {
                var wait = RetryBackoff.DelayAfter(delivery.Attempts, settings.RetryBaseDelay, settings.RetryMaxDelay, Random.Shared.NextDouble());
                delivery.NextAttemptAt = now + wait;
                delivery.LastError = failure;
                logger.LogInformation("Webhook {EventId} to tenant {Tenant} failed (attempt {Attempts}: {Failure}); next attempt in {Wait}",
                    delivery.Id, delivery.TenantId, delivery.Attempts, failure, wait);
            }

            await SaveAsync(delivery, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down mid-attempt: hand the delivery back, due now, without counting the attempt.
            delivery.NextAttemptAt = time.GetUtcNow();
            await TrySaveAsync(delivery);
        }
        catch (JasperFx.ConcurrencyException)
        {
            logger.LogWarning("Webhook {EventId} of tenant {Tenant} was taken over by another sender while this one was sending", delivery.Id, delivery.TenantId);
        }
        catch (Exception e)
        {
            // The outcome could not be stored: the claim runs out and the delivery is tried again.
            logger.LogWarning(e, "Recording the attempt of webhook {EventId} of tenant {Tenant} failed", delivery.Id, delivery.TenantId);
        }
    }

    /// <returns>null when the retailer answered 2xx, else why not.</returns>
    private async Task<string?> SendAsync(WebhookDelivery delivery, RetailerEndpoint endpoint, TimeSpan timeout, CancellationToken stoppingToken)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSignature.EventIdHeader, delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(endpoint.Secret, timestamp, delivery.Body));

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        attempt.CancelAfter(timeout);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return "timeout";
        }
        catch (HttpRequestException e)
        {
            return e.InnerException is SocketException socket ? $"connection: {socket.SocketErrorCode}" : $"connection: {e.HttpRequestError}";
        }
    }

    private async Task SaveAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        await using var session = store.LightweightSession(delivery.TenantId);
        session.UpdateExpectedVersion(delivery, delivery.Version);
        await session.SaveChangesAsync(ct);
    }

    private async Task TrySaveAsync(WebhookDelivery delivery)
    {
        try
        {
            await SaveAsync(delivery, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Handing back webhook {EventId} of tenant {Tenant} failed; its claim runs out instead", delivery.Id, delivery.TenantId);
        }
    }
}
