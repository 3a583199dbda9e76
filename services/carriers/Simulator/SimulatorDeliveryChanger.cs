using Microsoft.Extensions.Options;
using Shipping.Carriers.DeliveryChanges;
using Shipping.Carriers.Watching;
using Shipping.Contracts;

namespace Shipping.Carriers.Simulator;

/// <summary>
/// The simulated carrier accepts every kind of delivery change, unless configured to refuse
/// (<c>Simulator:DeliveryChanges:Refuse</c>), so the whole flow, refusal included, can be shown end to end. A parcel
/// shop must be one of its own (<c>Simulator:DeliveryOptions:Shops</c>).
/// </summary>
public sealed class SimulatorDeliveryChanger(IOptionsMonitor<SimulatorOptions> options) : IDeliveryChanger
{
    public IReadOnlySet<DeliveryChangeKind> Supported { get; } = Enum.GetValues<DeliveryChangeKind>().ToHashSet();

    public Task<DeliveryChangeOutcome> ChangeAsync(ChangeDelivery request, WatchedParcel? parcel, CancellationToken ct)
    {
        var settings = options.CurrentValue.DeliveryChanges;
        if (settings.Refuse.Contains(request.Kind))
        {
            return Task.FromResult<DeliveryChangeOutcome>(new DeliveryChangeOutcome.Rejected(settings.RefusalReason, settings.SelfServiceUrl));
        }

        var problem = request.Kind switch
        {
            DeliveryChangeKind.NewDate when request.Details.Date is null => "No delivery date was given.",
            DeliveryChangeKind.Neighbour when string.IsNullOrWhiteSpace(request.Details.NeighbourName) => "The neighbour's name is missing.",
            DeliveryChangeKind.ParcelShop when string.IsNullOrWhiteSpace(request.Details.ParcelShopId) => "No parcel shop was chosen.",
            DeliveryChangeKind.ParcelShop when options.CurrentValue.DeliveryOptions.Shops.All(s => s.Id != request.Details.ParcelShopId!.Trim()) =>
                "The carrier has no parcel shop with that id; choose one of the parcel shops it offers.",
            DeliveryChangeKind.OtherAddress when request.Details.Address is null => "The new address is missing.",
            DeliveryChangeKind.SafePlace when string.IsNullOrWhiteSpace(request.Details.SafePlace) => "The safe place is not described.",
            _ => null,
        };

        return Task.FromResult<DeliveryChangeOutcome>(problem is null
            ? new DeliveryChangeOutcome.Confirmed($"SIM-{request.RequestId.ToString("N")[..8].ToUpperInvariant()}")
            : new DeliveryChangeOutcome.Rejected(problem));
    }
}
