using Microsoft.Extensions.Options;
using Refit;
using Shipping.Carriers.Polling;
using Shipping.Carriers.Ups.Normalising;

namespace Shipping.Carriers.Ups.Tracking;

/// <summary>Looks a parcel up with UPS's Track API. What UPS answers, and a transport failure, become a <see cref="TrackingLookup"/>.</summary>
public sealed class UpsTracker(
    IUpsTrackingApi api, TrackResponseNormaliser normaliser, IOptionsMonitor<UpsOptions> options, ILogger<UpsTracker> logger)
    : ICarrierTracker
{
    public async Task<TrackingLookup> TrackAsync(string trackingNumber, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        if (!settings.HasApiCredentials)
        {
            return new TrackingLookup.Failed($"UPS API credentials are not configured ({UpsOptions.Section}:ClientId and ClientSecret).");
        }

        TrackApiResponse response;
        try
        {
            response = await api.GetDetailsAsync(trackingNumber.Trim(), settings.Locale, ct);
        }
        catch (ApiException e)
        {
            return TrackingLookup.FromApiError(e);
        }
        catch (ApiRequestException e) when (!ct.IsCancellationRequested)
        {
            // No answer: the token endpoint refusing, no connection, a timeout or an open circuit (Refit wraps them).
            var cause = e.InnerException ?? e;
            return new TrackingLookup.Failed($"{cause.GetType().Name}: {cause.Message}");
        }

        if (TrackResponseNormaliser.PackagesFor(trackingNumber, response).Count == 0)
        {
            var warnings = TrackResponseNormaliser.Warnings(response);
            return new TrackingLookup.NotFound(warnings.Length > 0 ? warnings : "UPS returned no package for this tracking number.");
        }

        var normalised = normaliser.Normalise(trackingNumber, response);
        if (!normalised.IsValid)
        {
            logger.LogWarning(
                "UPS returned {Count} activity field(s) that could not be read, left out: {Fields}",
                normalised.Errors.Count, string.Join(", ", normalised.Errors.Keys));
            if (normalised.Scans.Count == 0)
            {
                return new TrackingLookup.Failed(
                    "No activity in UPS's answer could be read: " + string.Join("; ", normalised.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            }
        }

        return new TrackingLookup.Found(normalised.Scans);
    }
}
