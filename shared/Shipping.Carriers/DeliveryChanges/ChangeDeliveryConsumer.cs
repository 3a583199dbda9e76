using MassTransit;
using Microsoft.Extensions.Logging;
using Shipping.Carriers.Polling;
using Shipping.Carriers.Watching;
using Shipping.Contracts;

namespace Shipping.Carriers.DeliveryChanges;

/// <summary>
/// Carries out a <see cref="ChangeDelivery"/> for this adapter's carrier and answers with
/// <see cref="DeliveryChangeConfirmed"/> or <see cref="DeliveryChangeRejected"/>.
/// </summary>
public sealed class ChangeDeliveryConsumer(
    IDeliveryChanger changer, CarrierIdentity carrier, ParcelWatchList watchList, TimeProvider time, ILogger<ChangeDeliveryConsumer> logger)
    : IConsumer<ChangeDelivery>
{
    public async Task Consume(ConsumeContext<ChangeDelivery> context)
    {
        var request = context.Message;
        if (!carrier.Handles(request.Carrier))
        {
            return;
        }

        var parcel = await watchList.FindAsync(request.TrackingNumber, context.CancellationToken);
        DeliveryChangeOutcome outcome;
        if (parcel?.LastStatus is { } status && (PollingPolicy.IsFinal(status) || status == TrackingStatus.OutForDelivery))
        {
            outcome = new DeliveryChangeOutcome.Rejected(
                status == TrackingStatus.OutForDelivery
                    ? "The parcel is already out for delivery; the carrier no longer accepts changes."
                    : "The parcel's journey has ended; there is nothing left to change.",
                parcel.SelfServiceUrl);
        }
        else if (!changer.Supported.Contains(request.Kind))
        {
            outcome = new DeliveryChangeOutcome.Rejected(
                $"{carrier.DisplayName} does not offer {Describe(request.Kind)} through its API.", parcel?.SelfServiceUrl);
        }
        else
        {
            outcome = await changer.ChangeAsync(request, parcel, context.CancellationToken);
        }

        var now = time.GetUtcNow();
        switch (outcome)
        {
            case DeliveryChangeOutcome.Confirmed confirmed:
                await context.Publish(new DeliveryChangeConfirmed(
                    request.RequestId, request.TenantId, request.ShipmentId, request.Carrier, request.TrackingNumber,
                    request.Kind, confirmed.CarrierReference, now));
                break;
            case DeliveryChangeOutcome.Rejected rejected:
                logger.LogInformation("{Carrier} delivery change {RequestId} rejected: {Reason}", carrier.Name, request.RequestId, rejected.Reason);
                await context.Publish(new DeliveryChangeRejected(
                    request.RequestId, request.TenantId, request.ShipmentId, request.Carrier, request.TrackingNumber,
                    request.Kind, rejected.Reason, rejected.SelfServiceUrl, now));
                break;
        }
    }

    public static string Describe(DeliveryChangeKind kind) => kind switch
    {
        DeliveryChangeKind.NewDate => "a new delivery date",
        DeliveryChangeKind.Neighbour => "delivery to a neighbour",
        DeliveryChangeKind.ParcelShop => "delivery to a parcel shop or locker",
        DeliveryChangeKind.OtherAddress => "delivery to another address",
        DeliveryChangeKind.SafePlace => "leaving the parcel at a safe place",
        _ => kind.ToString(),
    };
}

public sealed class ChangeDeliveryConsumerDefinition : ConsumerDefinition<ChangeDeliveryConsumer>
{
    public ChangeDeliveryConsumerDefinition() => ConcurrentMessageLimit = 4;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ChangeDeliveryConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Intervals(500, 2000, 10000);
            retry.Handle<HttpRequestException>();
            retry.Handle<TimeoutException>();
            retry.Handle<Npgsql.NpgsqlException>();
        });
}
