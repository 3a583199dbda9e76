using System.Text.Json;
using Microsoft.Extensions.Options;
using Shipping.Carriers.Normalising;
using Shipping.Carriers.Usps.Normalising;
using Shipping.Carriers.Usps.Tracking;
using Shipping.Carriers.Webhooks;

namespace Shipping.Carriers.Usps.Webhooks;

public static class UspsWebhookEndpoint
{
    public const string Path = "/webhooks/usps";

    public static IEndpointRouteBuilder MapUspsWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptionsMonitor<UspsOptions>>();
        var normaliser = app.ServiceProvider.GetRequiredService<UspsNormaliser>();
        app.MapCarrierWebhook(Path, new CarrierWebhook<UspsNotification>(
                Verify: (request, body) => UspsWebhookSignature.Verify(options.CurrentValue.WebhookSecret, body, SignatureOf(request)),
                Normalise: notification => Normalise(notification, normaliser),
                Json: UspsJson.Options,
                AuthenticationHint: $"{UspsWebhookSignature.Header} must be the base64 HMAC-SHA256 of the timestamp field followed by the payload field, keyed with the subscription's secret."))
            .WithName("ReceiveUspsNotification")
            .WithSummary("Receives USPS tracking subscription notifications, signed with X-HMAC.")
            .Accepts<UspsNotification>("application/json");
        return app;
    }

    internal static NormalisedScans Normalise(UspsNotification notification, UspsNormaliser normaliser)
    {
        if (string.IsNullOrWhiteSpace(notification.Payload))
        {
            return NormalisedScans.Invalid("payload", "The payload is required.");
        }

        return UspsJson.TryReadPayload(notification.Payload, out var detail, out var error)
            ? normaliser.Normalise(detail)
            : NormalisedScans.Invalid("payload", error);
    }

    private static string? SignatureOf(HttpRequest request) =>
        request.Headers[UspsWebhookSignature.Header] is { Count: > 0 } signed ? signed.ToString()
        : request.Headers[UspsWebhookSignature.DeprecatedHeader] is { Count: > 0 } old ? old.ToString()
        : null;
}
