using System.Net;
using Refit;

namespace Shipping.Carriers.Polling;

/// <summary>
/// Looks a parcel up at the carrier's tracking API. One implementation per carrier: a Refit client and a normaliser.
/// It never throws for what the carrier answers (not found, rate limited, a 5xx): it says so in the result.
/// </summary>
public interface ICarrierTracker
{
    Task<TrackingLookup> TrackAsync(string trackingNumber, CancellationToken ct);
}

/// <summary>What a lookup at the carrier came back with.</summary>
public abstract record TrackingLookup
{
    /// <param name="Scans">Every event the carrier lists, normalised (the platform de-duplicates by event id).</param>
    /// <param name="SelfServiceUrl">The carrier's own page for changing the delivery, if it gave one (DHL's rerouteUrl).</param>
    public sealed record Found(IReadOnlyList<CarrierScan> Scans, string? SelfServiceUrl = null) : TrackingLookup;

    public sealed record NotFound(string Detail) : TrackingLookup;

    /// <param name="RetryAfter">The carrier's Retry-After, if it sent one.</param>
    public sealed record RateLimited(TimeSpan? RetryAfter) : TrackingLookup;

    public sealed record Failed(string Detail) : TrackingLookup;

    /// <summary>The lookup result for a carrier API's error answer: 404 not found, 429 rate limited, anything else failed.</summary>
    public static TrackingLookup FromApiError(ApiException error) => error.StatusCode switch
    {
        HttpStatusCode.NotFound => new NotFound(error.Content is { Length: > 0 } body ? Truncate(body) : "Not found."),
        HttpStatusCode.TooManyRequests => new RateLimited(RetryAfterDelay(error.Headers.RetryAfter)),
        _ => new Failed($"HTTP {(int)error.StatusCode}: {Truncate(error.Content ?? error.Message)}"),
    };

    /// <summary>A Retry-After header as a delay from now: either form (seconds, or an HTTP date).</summary>
    public static TimeSpan? RetryAfterDelay(System.Net.Http.Headers.RetryConditionHeaderValue? header, DateTimeOffset? now = null) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - (now ?? DateTimeOffset.UtcNow) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
