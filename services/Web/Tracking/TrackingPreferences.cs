using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Refit;
using Shipping.Contracts.Api;
using Shipping.ServiceDefaults;
using Shipping.Web.Console;

namespace Shipping.Web.Tracking;

/// <summary>What became of a customer's change of their notification preferences.</summary>
public enum PreferencesOutcome
{
    Saved,

    /// <summary>SMS was to be turned on without the consent box ticked: nothing was changed.</summary>
    ConsentMissing,

    /// <summary>Notifications could not be reached or knows no customer for the order: nothing was changed.</summary>
    Unavailable,
}

/// <summary>
/// The customer's SMS and email preferences as the tracking page reads and changes them through Notifications' API, for
/// the tenant and order of the tracking link only. Answers are never cached: each page asks afresh. The page must render
/// when Notifications does not answer, so each call has a short time limit (<c>Web:Tracking:NotificationsTimeout</c>) and,
/// after a failure, pages skip Notifications for <c>Web:Tracking:NotificationsRetryAfter</c> instead of waiting again.
/// </summary>
public sealed class TrackingPreferences(
    INotificationsApi api, IOptions<NotificationsClientOptions> client, IOptions<WebOptions> options, IMemoryCache cache, TimeProvider time,
    ILogger<TrackingPreferences> log)
{
    /// <summary>How the consent is recorded: where it was given (no personal data), with the time added.</summary>
    public const string ConsentSource = "tracking page";

    private static readonly object OutageKey = ("notifications", "unavailable");

    private WebOptions.TrackingSettings Settings => options.Value.Tracking;

    /// <summary>The order's preferences, or null when Notifications cannot tell them now.</summary>
    public async Task<ContactPreferences?> ReadAsync(TrackingLink link, CancellationToken ct) =>
        await CallAsync(link, limit => api.GetPreferencesAsync(client.Value.ServiceKey, link.Tenant, link.OrderNumber, limit), ct);

    /// <summary>
    /// Changes the channels the customer may be reached on: <paramref name="sms"/> or <paramref name="email"/> null leaves it
    /// (the page did not offer it). Turning SMS on (from off or after STOP) needs <paramref name="consent"/>.
    /// </summary>
    public async Task<PreferencesOutcome> UpdateAsync(TrackingLink link, bool? sms, bool? email, bool consent, CancellationToken ct)
    {
        var current = await ReadAsync(link, ct);
        if (current is null)
        {
            return PreferencesOutcome.Unavailable;
        }

        var smsOn = current.Sms && !current.SmsUnsubscribed;
        if (sms == true && !smsOn && !consent)
        {
            return PreferencesOutcome.ConsentMissing;
        }

        bool? smsChange = sms is { } s && s != smsOn ? s : null;
        bool? emailChange = email is { } e && e != current.Email ? e : null;
        if (smsChange is null && emailChange is null)
        {
            return PreferencesOutcome.Saved;
        }

        var source = $"{ConsentSource}, {time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)}";
        var saved = await CallAsync(link, limit => api.UpdatePreferencesAsync(
            client.Value.ServiceKey, link.Tenant, link.OrderNumber, new UpdateContactPreferences(smsChange, emailChange, ConsentSource: source), limit), ct);
        return saved is null ? PreferencesOutcome.Unavailable : PreferencesOutcome.Saved;
    }

    private async Task<ContactPreferences?> CallAsync(TrackingLink link, Func<CancellationToken, Task<ContactPreferences>> call, CancellationToken ct)
    {
        if (cache.TryGetValue(OutageKey, out _))
        {
            return null;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Settings.NotificationsTimeout);
        try
        {
            return await call(limit.Token);
        }
        catch (ApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Notifications has not heard of the order's customer (yet): nothing to show for this order.
            return null;
        }
        catch (ApiException e)
        {
            log.LogWarning("Notifications answered {Status} for a tracking page's preferences (tenant {Tenant})", (int)e.StatusCode, link.Tenant);
            if ((int)e.StatusCode >= 500)
            {
                Unavailable();
            }

            return null;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Unreachable, too slow, the circuit open: the page goes on without the section.
            log.LogWarning(e, "Notifications could not be reached for a tracking page's preferences (tenant {Tenant})", link.Tenant);
            Unavailable();
            return null;
        }
    }

    private void Unavailable()
    {
        if (Settings.NotificationsRetryAfter > TimeSpan.Zero)
        {
            cache.Set(OutageKey, true, Settings.NotificationsRetryAfter);
        }
    }
}
