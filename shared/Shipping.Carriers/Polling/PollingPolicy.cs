using Shipping.Contracts;

namespace Shipping.Carriers.Polling;

/// <summary>
/// Pure scheduling decisions: how soon to look a parcel up again, given what the last lookup brought.
/// Often when something is about to happen (out for delivery), rarely when nothing moves, never past the
/// carrier's daily limit per parcel, and not at all once the journey has ended.
/// </summary>
public static class PollingPolicy
{
    public static bool IsFinal(TrackingStatus status) =>
        status is TrackingStatus.Delivered or TrackingStatus.ReturnToSender or TrackingStatus.Expired;

    /// <param name="newest">The parcel's newest status after this lookup (null when the lookup found nothing).</param>
    /// <param name="newScans">Whether the lookup brought scans not seen by the previous one.</param>
    /// <param name="jitter">A fraction in [0, 1) spreading parcels that became due together.</param>
    public static PollDecision After(
        ClaimedParcel parcel, TrackingLookup lookup, TrackingStatus? newest, bool newScans,
        PollingOptions options, DateTimeOffset now, double jitter)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var fetches = (parcel.FetchDay == today ? parcel.FetchesToday : 0) + 1;
        var status = newest?.ToString() ?? parcel.LastStatus;

        if (newest is { } final && IsFinal(final))
        {
            return new PollDecision(now, KeepWatching: false, today, fetches, 0, 0, status);
        }

        TimeSpan wait;
        int quiet = parcel.QuietPolls, failures = 0;
        switch (lookup)
        {
            case TrackingLookup.RateLimited limited:
                wait = Max(limited.RetryAfter ?? options.AfterFailure, options.AfterFailure);
                failures = parcel.Failures;
                break;
            case TrackingLookup.Failed:
                failures = parcel.Failures + 1;
                wait = Min(options.AfterFailure * Math.Pow(2, Math.Min(failures - 1, 10)), options.Quiet);
                break;
            default:
                quiet = newScans ? 0 : parcel.QuietPolls + 1;
                var baseline = Enum.TryParse<TrackingStatus>(status, out var current) ? IntervalFor(current, options) : options.BeforePickup;
                wait = Min(baseline * Math.Pow(2, Math.Min(quiet, 10)), Max(options.Quiet, baseline));
                break;
        }

        // Spread by up to 10% so a batch that became due together does not stay together.
        var next = now + wait + wait * (0.1 * jitter);

        // Never past the carrier's daily allowance for one parcel: what is left of it is spread over what is
        // left of the (UTC) day, and once it is spent the parcel waits for tomorrow.
        var midnight = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var remaining = options.MaxFetchesPerShipmentPerDay - fetches;
        if (remaining <= 0)
        {
            next = Max(next, midnight + wait * (0.1 * jitter));
        }
        else if (next < midnight)
        {
            next = Max(next, now + (midnight - now) / (remaining + 1));
        }

        return new PollDecision(next, KeepWatching: true, today, fetches, quiet, failures, status);
    }

    public static TimeSpan IntervalFor(TrackingStatus status, PollingOptions options) => status switch
    {
        TrackingStatus.OutForDelivery or TrackingStatus.AttemptFail or TrackingStatus.AvailableForPickup => options.OutForDelivery,
        TrackingStatus.InTransit or TrackingStatus.Exception => options.InTransit,
        _ => options.BeforePickup,
    };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
