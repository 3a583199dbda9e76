using Microsoft.Extensions.Options;
using Shipping.Carriers.EasyPost.Normalising;
using Shipping.Carriers.Webhooks;

namespace Shipping.Carriers.EasyPost.Webhooks;

public static class EasyPostWebhookEndpoint
{
    public const string Pattern = "/webhooks/easypost";

    public static IEndpointRouteBuilder MapEasyPostWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptionsMonitor<EasyPostOptions>>();
        var normaliser = app.ServiceProvider.GetRequiredService<EasyPostNormaliser>();
        app.MapCarrierWebhook(Pattern, new CarrierWebhook<EasyPostEvent>(
                Verify: (request, body) => EasyPostSignature.Verify(options.CurrentValue.WebhookSecret, body, request.Headers[EasyPostSignature.Header]),
                Normalise: normaliser.Normalise,
                Json: EasyPostJson.Options,
                AuthenticationHint: $"{EasyPostSignature.Header} must be {EasyPostSignature.Prefix}<hex HMAC-SHA256 of the raw body, keyed with the NFKD-normalised webhook secret>."))
            .WithName("ReceiveEasyPostWebhook")
            .WithSummary("Receives EasyPost Events; tracker.created and tracker.updated carry scans, every other Event is accepted and ignored.")
            .Accepts<EasyPostEvent>("application/json");
        return app;
    }
}
