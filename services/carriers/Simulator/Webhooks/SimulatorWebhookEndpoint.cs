using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Shipping.Carriers.Watching;
using Shipping.Carriers.Webhooks;

namespace Shipping.Carriers.Simulator.Webhooks;

public static class SimulatorWebhookEndpoint
{
    public const string SignatureHeader = "X-Simulator-Signature";

    public static IEndpointRouteBuilder MapSimulatorWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/simulator", ReceiveAsync)
            .WithName("ReceiveSimulatorWebhook")
            .WithSummary("Receives scans from the simulated carrier, signed with X-Simulator-Signature: sha256=<hex HMAC-SHA256 of the body>.")
            .Accepts<SimulatorWebhookPayload>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<Results<Accepted<WebhookReceipt>, ProblemHttpResult, ValidationProblem>> ReceiveAsync(
        HttpRequest request, IOptions<SimulatorOptions> options, SimulatorNormaliser normaliser,
        ParcelWatchList watchList, IPublishEndpoint publisher, CancellationToken ct)
    {
        var body = await WebhookBody.ReadAsync(request, ct);
        if (body is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Webhook body too large",
                detail: $"Webhook bodies are limited to {WebhookBody.MaxBytes} bytes.");
        }

        if (!WebhookSignature.VerifyHexSha256(options.Value.WebhookSecret, body, request.Headers[SignatureHeader]))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized, title: "Invalid webhook signature",
                detail: $"{SignatureHeader} must be sha256=<hex HMAC-SHA256 of the raw body, keyed with the shared secret>.");
        }

        SimulatorWebhookPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<SimulatorWebhookPayload>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "Malformed webhook body",
                detail: $"The body is not the simulator's JSON format: {e.Message}");
        }

        if (payload is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed webhook body", detail: "The body is empty.");
        }

        var normalised = normaliser.Normalise(payload);
        if (!normalised.IsValid)
        {
            return TypedResults.ValidationProblem(normalised.Errors, title: "The webhook body has invalid fields");
        }

        var tenants = await watchList.RouteAsync(normalised.TrackingNumber, normalised.Scans, publisher, ct);
        return TypedResults.Accepted((string?)null, new WebhookReceipt(normalised.Scans.Count, tenants));
    }
}

/// <summary>What the adapter did with a webhook: its scans went to this many tenants (0: parked until registered).</summary>
public sealed record WebhookReceipt(int Scans, int Tenants);
