using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly;
using Refit;
using Shipping.Carriers.Dhl.Normalising;
using Shipping.Carriers.Polling;

namespace Shipping.Carriers.Dhl.Tracking;

/// <summary>
/// Looks a parcel up at DHL: asks with the service DHL named for it last time (or the configured default), and
/// answers with the normalised scans, not found (DHL's 404), rate limited (429 with its Retry-After) or failed.
/// Without an API key it fails every lookup without calling DHL.
/// </summary>
public sealed class DhlTracker(
    IServiceProvider services, DhlNormaliser normaliser, IOptionsMonitor<DhlOptions> options, ILogger<DhlTracker> logger) : ICarrierTracker
{
    private const int MaxRememberedServices = 10_000;

    // Which DHL service answered for a tracking number: asking that one next time spares DHL a search of all services.
    private readonly ConcurrentDictionary<string, string> _services = new(StringComparer.OrdinalIgnoreCase);

    public async Task<TrackingLookup> TrackAsync(string trackingNumber, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            return new TrackingLookup.Failed($"{DhlOptions.Section}:ApiKey is not configured; DHL was not called.");
        }

        var number = Contracts.TrackingNumbers.Normalise(trackingNumber);
        var service = _services.TryGetValue(number, out var remembered) ? remembered : Blank(settings.Service);

        DhlShipmentsResponse response;
        try
        {
            // The Refit client is resolved per lookup: this tracker lives as long as the poller, and a client held that
            // long would keep its HTTP handler (and DNS answer) forever instead of the factory's rotated ones.
            var api = services.GetRequiredService<IDhlTrackingApi>();
            response = await api.GetShipmentsAsync(number, service, Blank(settings.Language), ct);
        }
        catch (ApiException error)
        {
            return TrackingLookup.FromApiError(error);
        }
        catch (Exception error) when (error is ApiRequestException or HttpRequestException or ExecutionRejectedException or JsonException
                                      || (error is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return new TrackingLookup.Failed($"{error.GetType().Name}: {error.Message}");
        }

        var result = normaliser.Normalise(number, response);
        if (result.ShipmentsInResponse == 0)
        {
            return new TrackingLookup.NotFound("DHL answered without shipments.");
        }

        if (result.ShipmentsInResponse > 1)
        {
            logger.LogInformation("DHL listed {Count} shipments for one tracking number; following the most recent", result.ShipmentsInResponse);
        }

        foreach (var refused in result.Refused)
        {
            logger.LogWarning("Skipped part of a DHL response: {Reason}", refused);
        }

        if (result.Service is { } answered)
        {
            if (_services.Count >= MaxRememberedServices)
            {
                _services.Clear();
            }

            _services[number] = answered;
        }

        return new TrackingLookup.Found(result.Scans, result.SelfServiceUrl);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
