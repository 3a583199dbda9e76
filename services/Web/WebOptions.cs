namespace Shipping.Web;

/// <summary>Web's settings (<c>Web:*</c>).</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>Cookies only over HTTPS (production, behind TLS). Development over plain http on loopback sets it false.</summary>
    public bool RequireHttps { get; set; } = true;

    public TimelineSettings Timeline { get; set; } = new();

    public LookupSettings Lookup { get; set; } = new();

    public TrackingSettings Tracking { get; set; } = new();

    public sealed class TimelineSettings
    {
        public string BaseUrl { get; set; } = "http://127.0.0.1:5100";

        /// <summary>Web's key for Timeline (<c>Platform:ServiceKeys:web</c> on Timeline's side). Never in the repository except Development's.</summary>
        public string ServiceKey { get; set; } = "";
    }

    public sealed class LookupSettings
    {
        /// <summary>Order look-ups one client (IP address) may try per minute.</summary>
        public int PermitsPerMinute { get; set; } = 5;

        /// <summary>How long the tracking link a successful look-up leads to stays valid.</summary>
        public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);
    }

    public sealed class TrackingSettings
    {
        /// <summary>How long an order's data from Timeline is reused for its tracking page (zero: not kept).</summary>
        public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>How long a brand's settings from Timeline are reused.</summary>
        public TimeSpan BrandCacheFor { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>How long the page waits for Notifications (the customer's notification preferences) before it renders without them.</summary>
        public TimeSpan NotificationsTimeout { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>After Notifications failed to answer, how long pages skip it instead of waiting again (zero: ask every time).</summary>
        public TimeSpan NotificationsRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
    }
}
