using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Shipping.Carriers.Normalising;
using Shipping.Carriers.Watching;

namespace Shipping.Carriers.Webhooks;

/// <summary>How one carrier's webhook is checked and read.</summary>
/// <param name="Verify">True when the request is authentic: the signature over the raw body, or the subscription's credential.</param>
/// <param name="Normalise">The carrier's normaliser.</param>
/// <param name="Json">How the carrier writes JSON (snake_case for EasyPost, for one).</param>
public sealed record CarrierWebhook<TPayload>(
    Func<HttpRequest, byte[], bool> Verify,
    Func<TPayload, NormalisedScans> Normalise,
    JsonSerializerOptions Json,
    string AuthenticationHint);

public static class CarrierWebhooks
{
    /// <summary>
    /// Maps a carrier webhook: an oversized body is refused before it is read (413), a forged or unsigned one gets 401,
    /// a body that is not the carrier's format 400 with problem details; none of them publishes anything. A good one is
    /// normalised and routed to the tenants watching the parcel (202).
    /// </summary>
    public static RouteHandlerBuilder MapCarrierWebhook<TPayload>(this IEndpointRouteBuilder app, string pattern, CarrierWebhook<TPayload> webhook) =>
        app.MapPost(pattern, (HttpRequest request, ParcelWatchList watchList, IPublishEndpoint publisher, CancellationToken ct) =>
                ReceiveAsync(request, webhook, watchList, publisher, ct))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static async Task<Results<Accepted<WebhookReceipt>, ProblemHttpResult, ValidationProblem>> ReceiveAsync<TPayload>(
        HttpRequest request, CarrierWebhook<TPayload> webhook, ParcelWatchList watchList, IPublishEndpoint publisher, CancellationToken ct)
    {
        var body = await WebhookBody.ReadAsync(request, ct);
        if (body is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Webhook body too large",
                detail: $"Webhook bodies are limited to {WebhookBody.MaxBytes} bytes.");
        }

        if (!webhook.Verify(request, body))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized, title: "Webhook not authenticated", detail: webhook.AuthenticationHint);
        }

        TPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<TPayload>(body, webhook.Json);
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "Malformed webhook body",
                detail: $"The body is not in the carrier's JSON format: {e.Message}");
        }

        if (payload is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed webhook body", detail: "The body is empty.");
        }

        var normalised = webhook.Normalise(payload);
        if (!normalised.IsValid)
        {
            return TypedResults.ValidationProblem(normalised.Errors, title: "The webhook body has invalid fields");
        }

        var published = 0;
        var tenants = 0;
        foreach (var parcel in normalised.Scans.GroupBy(s => s.TrackingNumber))
        {
            var routed = await watchList.RouteAsync(parcel.Key, parcel.ToList(), publisher, ct, normalised.SelfServiceUrl);
            published += routed.Published;
            tenants = Math.Max(tenants, routed.Tenants);
        }

        return TypedResults.Accepted((string?)null, new WebhookReceipt(normalised.Scans.Count, published, tenants));
    }
}

/// <summary>What the adapter did with a webhook: scans read, scans new to the watchers, tenants they went to (0: kept until a shipment is registered).</summary>
public sealed record WebhookReceipt(int Scans, int Published, int Tenants);
