using Shipping.Carriers.Watching;
using Shipping.Contracts;

namespace Shipping.Carriers.DeliveryChanges;

/// <summary>
/// Carries out delivery changes at one carrier. <see cref="Supported"/> says which kinds the carrier's API offers;
/// for the others the adapter rejects with a reason (and the carrier's self-service link, where it has one).
/// </summary>
public interface IDeliveryChanger
{
    IReadOnlySet<DeliveryChangeKind> Supported { get; }

    /// <param name="parcel">What the adapter knows of the parcel (its self-service link, last status), if anything.</param>
    Task<DeliveryChangeOutcome> ChangeAsync(ChangeDelivery request, WatchedParcel? parcel, CancellationToken ct);
}

public abstract record DeliveryChangeOutcome
{
    public sealed record Confirmed(string? CarrierReference) : DeliveryChangeOutcome;

    public sealed record Rejected(string Reason, string? SelfServiceUrl = null) : DeliveryChangeOutcome;
}

/// <summary>For carriers whose API offers no delivery changes: every request is refused, pointing to the carrier's own page.</summary>
public sealed class SelfServiceOnly(string carrierDisplayName) : IDeliveryChanger
{
    public IReadOnlySet<DeliveryChangeKind> Supported { get; } = new HashSet<DeliveryChangeKind>();

    public Task<DeliveryChangeOutcome> ChangeAsync(ChangeDelivery request, WatchedParcel? parcel, CancellationToken ct) =>
        Task.FromResult<DeliveryChangeOutcome>(new DeliveryChangeOutcome.Rejected(
            parcel?.SelfServiceUrl is { } url
                ? $"{carrierDisplayName} does not let us change the delivery for you, but you can arrange it on {carrierDisplayName}'s own page."
                : $"{carrierDisplayName} does not let us change the delivery for you. Please contact {carrierDisplayName} directly.",
            parcel?.SelfServiceUrl));
}
