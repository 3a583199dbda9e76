using Microsoft.Extensions.Options;
using Refit;
using Shipping.Carriers.Fedex.Normalising;
using Shipping.Carriers.Polling;

namespace Shipping.Carriers.Fedex.Tracking;

/// <summary>Looks a parcel up with FedEx's Track API (<c>POST /track/v1/trackingnumbers</c>, every scan).</summary>
public sealed class FedexTracker(
    IServiceProvider services, FedexNormaliser normaliser, IOptionsMonitor<FedexOptions> options, ILogger<FedexTracker> logger)
    : ICarrierTracker
{
    public async Task<TrackingLookup> TrackAsync(string trackingNumber, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        if (!settings.HasCredentials)
        {
            return new TrackingLookup.Failed("FedEx credentials are not configured (Carriers:Fedex:ClientId and Carriers:Fedex:ClientSecret).");
        }

        FedexTrackResponse response;
        try
        {
            // Resolved per lookup rather than held: the typed client's handlers then rotate as IHttpClientFactory intends.
            var api = services.GetRequiredService<IFedexTrackApi>();
            response = await api.TrackByTrackingNumberAsync(FedexTrackRequest.For(trackingNumber), settings.Locale, ct);
        }
        catch (ApiException e)
        {
            return TrackingLookup.FromApiError(e);
        }
        catch (ApiRequestException e)
        {
            // No answer: FedEx unreachable, the OAuth token refused, or the resilience pipeline giving up (timeout,
            // open circuit). Refit wraps a cancellation this way too, and that one is not a failed lookup.
            ct.ThrowIfCancellationRequested();
            return new TrackingLookup.Failed($"FedEx could not be asked: {(e.InnerException ?? e).Message}");
        }

        var reading = normaliser.Read(trackingNumber, response);
        if (reading.Unreadable.Count > 0)
        {
            logger.LogWarning("Left out FedEx scans that cannot be read: {Fields}", string.Join(", ", reading.Unreadable));
        }

        return reading.Lookup;
    }
}
