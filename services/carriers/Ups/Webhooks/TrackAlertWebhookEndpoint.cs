using Microsoft.Extensions.Options;
using Shipping.Carriers.Ups.Normalising;
using Shipping.Carriers.Webhooks;

namespace Shipping.Carriers.Ups.Webhooks;

public static class TrackAlertWebhookEndpoint
{
    public const string Path = "/webhooks/ups";

    public static IEndpointRouteBuilder MapUpsWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptionsMonitor<UpsOptions>>();
        var normaliser = app.ServiceProvider.GetRequiredService<TrackAlertNormaliser>();
        app.MapCarrierWebhook(Path, new CarrierWebhook<TrackAlertEvent>(
                Verify: (request, _) => TrackAlertCredential.Verify(request, options.CurrentValue.WebhookCredential),
                Normalise: normaliser.Normalise,
                Json: UpsJson.Options,
                AuthenticationHint: TrackAlertCredential.Hint))
            .WithName("ReceiveUpsTrackAlert")
            .WithSummary("Receives UPS Track Alert events (UPSTrackAlert.yaml, webhooks.TrackingEvent), authenticated by the subscription's credential.")
            .Accepts<TrackAlertEvent>("application/json");
        return app;
    }
}
