using Microsoft.Extensions.Options;

namespace Shipping.Notifications.Sms.Webhooks;

/// <summary>Reading and checking Twilio's webhook requests, and answering in TwiML.</summary>
public static class TwilioRequests
{
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// The URL Twilio called: scheme and host from <c>Notifications:PublicBaseUrl</c> when set (behind a proxy), else the
    /// request's own; then the path and the query exactly as received.
    /// </summary>
    public static string CalledUrl(HttpRequest request, string? publicBaseUrl)
    {
        var origin = publicBaseUrl is { Length: > 0 } && Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var configured)
            ? configured.GetLeftPart(UriPartial.Authority)
            : $"{request.Scheme}://{request.Host.Value}";
        return origin + request.PathBase.Value + request.Path.Value + request.QueryString.Value;
    }

    /// <returns>The POST parameters when the signature is Twilio's; null for a forged, unsigned or oversized request.</returns>
    public static async Task<IReadOnlyDictionary<string, string>?> ReadSignedFormAsync(
        HttpRequest request, IOptionsMonitor<TwilioOptions> twilio, IOptions<NotificationsOptions> notifications, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBodyBytes || !request.HasFormContentType)
        {
            return null;
        }

        var form = await request.ReadFormAsync(ct);
        var parameters = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        var url = CalledUrl(request, notifications.Value.PublicBaseUrl);
        var signature = request.Headers[TwilioSignature.Header].ToString();
        return TwilioSignature.IsValid(twilio.CurrentValue.AuthToken ?? "", url, parameters, signature)
            ? form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)
            : null;
    }

    public static IResult TwiML(string? message) => Results.Text(
        message is null
            ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>"
            : $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>{Escape(message)}</Message></Response>",
        "text/xml; charset=utf-8");

    /// <summary>XML text content: only &amp;, &lt; and &gt; need escaping (apostrophes stay readable).</summary>
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static IResult Forged() => Results.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Invalid Twilio signature",
        detail: $"The {TwilioSignature.Header} header does not match this request.");
}
