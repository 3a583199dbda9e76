using Microsoft.Extensions.Options;
using Refit;
using Shipping.Carriers.Polling;
using Shipping.Carriers.Usps.Normalising;
using Shipping.Contracts;

namespace Shipping.Carriers.Usps.Tracking;

/// <summary>Looks a parcel up at USPS Tracking v3r2. Never throws for what USPS answers, and never calls USPS without credentials.</summary>
public sealed class UspsTracker(
    IUspsTrackingApi api, UspsNormaliser normaliser, IOptionsMonitor<UspsOptions> options, ILogger<UspsTracker> logger) : ICarrierTracker
{
    public async Task<TrackingLookup> TrackAsync(string trackingNumber, CancellationToken ct)
    {
        if (!options.CurrentValue.HasApiCredentials)
        {
            return new TrackingLookup.Failed($"{UspsOptions.Section}:ClientId and {UspsOptions.Section}:ClientSecret are not configured.");
        }

        IReadOnlyList<UspsTrackingDetail> answer;
        try
        {
            answer = await api.TrackAsync([new UspsTrackingRequest(trackingNumber)], ct);
        }
        catch (ApiException e)
        {
            return TrackingLookup.FromApiError(e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The token endpoint refusing the credentials, a timeout, an open circuit, a body that is not USPS's JSON.
            return new TrackingLookup.Failed($"{e.GetType().Name}: {e.Message}");
        }

        var wanted = TrackingNumbers.Normalise(trackingNumber);
        var item = answer.FirstOrDefault(d => d.TrackingNumber is { } n && TrackingNumbers.Normalise(n) == wanted)
            ?? (answer.Count == 1 ? answer[0] : null);
        if (item is null)
        {
            return new TrackingLookup.NotFound("USPS answered without an item for the tracking number.");
        }

        if (item.Error is not null || item.StatusCode is { } status && status.Trim() != "200")
        {
            var detail = item.Error?.Message ?? $"USPS item status {item.StatusCode}.";
            return (item.StatusCode ?? item.Error?.Code)?.Trim() switch
            {
                "404" => new TrackingLookup.NotFound(detail),
                "429" => new TrackingLookup.RateLimited(null),
                var code => new TrackingLookup.Failed($"USPS item status {code ?? "unknown"}: {detail}"),
            };
        }

        var normalised = normaliser.Normalise(item, trackingNumber);
        if (!normalised.IsValid)
        {
            // Field names only: the values may hold personal data.
            logger.LogWarning("USPS answered with events that could not be read ({Fields}); publishing the others", string.Join(", ", normalised.Errors.Keys));
        }

        return new TrackingLookup.Found(normalised.Scans);
    }
}
