using System.Text.Json;
using Microsoft.Extensions.Options;
using Shipping.Carriers.Webhooks;

namespace Shipping.Carriers.Simulator.Webhooks;

public static class SimulatorWebhookEndpoint
{
    public const string SignatureHeader = "X-Simulator-Signature";

    public static IEndpointRouteBuilder MapSimulatorWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<SimulatorOptions>>();
        var normaliser = app.ServiceProvider.GetRequiredService<SimulatorNormaliser>();
        app.MapCarrierWebhook("/webhooks/simulator", new CarrierWebhook<SimulatorWebhookPayload>(
                Verify: (request, body) => WebhookSignature.VerifyHexSha256(options.Value.WebhookSecret, body, request.Headers[SignatureHeader]),
                Normalise: normaliser.Normalise,
                Json: JsonSerializerOptions.Web,
                AuthenticationHint: $"{SignatureHeader} must be sha256=<hex HMAC-SHA256 of the raw body, keyed with the shared secret>."))
            .WithName("ReceiveSimulatorWebhook")
            .WithSummary("Receives scans from the simulated carrier, signed with X-Simulator-Signature: sha256=<hex HMAC-SHA256 of the body>.")
            .Accepts<SimulatorWebhookPayload>("application/json");
        return app;
    }
}
