namespace Shipping.Carriers.Polling;

/// <summary>
/// How an adapter polls its carrier (configuration <c>Carriers:{Carrier}:Polling</c>). Each carrier's adapter sets
/// defaults inside the carrier's documented limits; an operator may only tighten them.
/// </summary>
public sealed class PollingOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Calls to the carrier's tracking API per second, for this instance (divide among replicas).</summary>
    public double CallsPerSecond { get; set; } = 1;

    /// <summary>At most this many lookups of one parcel per UTC day (DHL's starter tier: 10).</summary>
    public int MaxFetchesPerShipmentPerDay { get; set; } = 24;

    /// <summary>Interval while the parcel is out for delivery (or waiting after a failed attempt).</summary>
    public TimeSpan OutForDelivery { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Interval while the parcel moves.</summary>
    public TimeSpan InTransit { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Interval before the carrier has the parcel (label created, nothing scanned).</summary>
    public TimeSpan BeforePickup { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The longest interval, reached by doubling while lookups bring nothing new.</summary>
    public TimeSpan Quiet { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Wait after a failed lookup (5xx, timeout), doubled each time in a row, up to <see cref="Quiet"/>.</summary>
    public TimeSpan AfterFailure { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A newly watched parcel is first looked up at a random moment within this time, so a burst of registrations
    /// is not a burst of calls.
    /// </summary>
    public TimeSpan FirstLookupWithin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed parcel stays reserved for the instance that claimed it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Parcels claimed at a time.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How often the poller looks for due parcels when none were due.</summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromSeconds(5);
}
