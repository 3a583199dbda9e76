using System.Diagnostics.CodeAnalysis;

namespace Shipping.Timeline.RetailerWebhooks;

/// <summary>
/// How webhooks are sent (section <c>RetailerWebhooks</c>). Where each tenant's go, and the key they are signed with,
/// is per tenant: <c>Tenants:{tenant}:Webhooks:Url</c> and <c>Tenants:{tenant}:Webhooks:Secret</c>.
/// </summary>
public sealed class RetailerWebhookOptions
{
    public const string Section = "RetailerWebhooks";

    /// <summary>Wait before the second attempt; it doubles for every further one, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Attempts before a delivery is given up (state Failed, kept for support). 16 attempts span about two days.</summary>
    public int MaxAttempts { get; set; } = 16;

    /// <summary>How long one attempt may take, connection included.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often due deliveries are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts in flight at once, all tenants together.</summary>
    public int MaxConcurrentSends { get; set; } = 16;

    /// <summary>Attempts in flight at once for one tenant: a slow endpoint holds no more than these.</summary>
    public int MaxConcurrentSendsPerTenant { get; set; } = 4;
}

/// <summary>One tenant's webhook endpoint, as configured.</summary>
public sealed record RetailerEndpoint(string Tenant, Uri Url, string Secret);

/// <summary>
/// The tenants' webhook endpoints from configuration. A tenant without <c>Webhooks:Url</c> gets no webhooks; one with
/// a Url but no Secret (or a Url that is not absolute http/https) gets none either — never unsigned — and is listed in
/// <see cref="Misconfigured"/> for a start-up warning.
/// </summary>
public sealed class RetailerEndpoints
{
    private readonly Dictionary<string, RetailerEndpoint> _endpoints = new(StringComparer.Ordinal);

    public RetailerEndpoints(IConfiguration configuration)
    {
        var misconfigured = new List<(string, string)>();
        foreach (var tenant in configuration.GetSection("Tenants").GetChildren())
        {
            var url = tenant["Webhooks:Url"];
            var secret = tenant["Webhooks:Secret"];
            if (string.IsNullOrWhiteSpace(url))
            {
                continue;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                misconfigured.Add((tenant.Key, "Webhooks:Url is not an absolute http(s) URL"));
            }
            else if (string.IsNullOrEmpty(secret))
            {
                misconfigured.Add((tenant.Key, "Webhooks:Url is set but Webhooks:Secret is not"));
            }
            else
            {
                _endpoints[tenant.Key] = new RetailerEndpoint(tenant.Key, uri, secret);
            }
        }

        Misconfigured = misconfigured;
    }

    /// <summary>Tenants whose webhook settings are unusable, with the reason (no secret values in it).</summary>
    public IReadOnlyList<(string Tenant, string Problem)> Misconfigured { get; }

    public IReadOnlyCollection<string> Tenants => _endpoints.Keys;

    public bool TryGet(string tenant, [NotNullWhen(true)] out RetailerEndpoint? endpoint) => _endpoints.TryGetValue(tenant, out endpoint);
}
