using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Refit;

namespace Shipping.Notifications.Sms;

/// <summary>Twilio's Programmable Messaging REST API (2010-04-01), the one call we need.</summary>
public interface ITwilioApi
{
    /// <summary>Creates (sends) a message. The form holds To, then From or MessagingServiceSid, then Body and StatusCallback.</summary>
    [Post("/2010-04-01/Accounts/{accountSid}/Messages.json")]
    Task<IApiResponse<TwilioMessage>> CreateMessageAsync(
        string accountSid, [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken ct);
}

/// <summary>The message resource as Twilio answers it (api.v2010.account.message; the fields we read).</summary>
public sealed record TwilioMessage(
    [property: JsonPropertyName("sid")] string Sid,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("num_segments")] string? NumSegments,
    [property: JsonPropertyName("error_code")] int? ErrorCode,
    [property: JsonPropertyName("error_message")] string? ErrorMessage);

/// <summary>Twilio's error body: <c>{"code": 21610, "message": "...", "more_info": "...", "status": 400}</c>.</summary>
public sealed record TwilioError(
    [property: JsonPropertyName("code")] int? Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("status")] int? Status);

[JsonSerializable(typeof(TwilioMessage))]
[JsonSerializable(typeof(TwilioError))]
public sealed partial class TwilioJsonContext : JsonSerializerContext;

/// <summary>Twilio settings (<c>Twilio:*</c>). Without AccountSid, AuthToken and a sender, SMS go to the local outbox.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    public string BaseUrl { get; set; } = "https://api.twilio.com";
    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }
    /// <summary>The sender number (E.164); or use <see cref="MessagingServiceSid"/>.</summary>
    public string? From { get; set; }
    public string? MessagingServiceSid { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken)
        && (!string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(MessagingServiceSid));
}

/// <summary>HTTP Basic authentication with the account SID and auth token.</summary>
public sealed class TwilioBasicAuthentication(IOptionsMonitor<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var twilio = options.CurrentValue;
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));
        return base.SendAsync(request, cancellationToken);
    }
}
