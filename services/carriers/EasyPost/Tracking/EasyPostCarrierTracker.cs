using Microsoft.Extensions.Options;
using Polly;
using Refit;
using Shipping.Carriers.EasyPost.Normalising;
using Shipping.Carriers.Polling;
using Shipping.Contracts;

namespace Shipping.Carriers.EasyPost.Tracking;

/// <summary>
/// Looks a parcel up at EasyPost by its tracking code. EasyPost names trackers by id (<c>trk_…</c>), and only a
/// tracker that exists is tracked and reported by webhook, so the lookup is a create-or-get: the first one starts
/// EasyPost tracking the parcel (and sending its webhooks), every later one returns that same tracker. Listing
/// trackers by code would find nothing for a parcel whose label was not bought through EasyPost, for ever. A retried
/// create is harmless for the same reason, so the standard resilience handler may retry it.
/// </summary>
public sealed class EasyPostCarrierTracker(IEasyPostApi api, EasyPostNormaliser normaliser, IOptionsMonitor<EasyPostOptions> options)
    : ICarrierTracker
{
    public async Task<TrackingLookup> TrackAsync(string trackingNumber, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.CurrentValue.ApiKey))
        {
            return new TrackingLookup.Failed($"{EasyPostOptions.Section}:ApiKey is not set; EasyPost was not asked.");
        }

        Tracker tracker;
        try
        {
            tracker = await api.CreateOrGetTrackerAsync(CreateTracker.For(trackingNumber), ct);
        }
        catch (ApiException e)
        {
            return TrackingLookup.FromApiError(e);
        }
        catch (Exception e) when (e is HttpRequestException or ExecutionRejectedException
                                  || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return new TrackingLookup.Failed($"EasyPost did not answer: {e.GetType().Name}: {e.Message}");
        }

        if (tracker.TrackingCode is not { } code || TrackingNumbers.Normalise(code) != TrackingNumbers.Normalise(trackingNumber))
        {
            // Never route another parcel's scans to this one.
            return new TrackingLookup.Failed("EasyPost answered with a tracker for another tracking code.");
        }

        var normalised = normaliser.Normalise(tracker);
        if (!normalised.IsValid)
        {
            return new TrackingLookup.Failed(
                "EasyPost's tracker has invalid fields: " + string.Join("; ", normalised.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }

        return normalised.Scans.Count == 0
            ? new TrackingLookup.NotFound($"EasyPost has no scans for it yet (tracker status '{tracker.Status}').")
            : new TrackingLookup.Found(normalised.Scans, normalised.SelfServiceUrl);
    }
}
