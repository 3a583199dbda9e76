using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Shipping.Carriers.DeliveryChanges;
using Shipping.Carriers.Simulator;
using Shipping.Carriers.Watching;
using Shipping.Contracts;

namespace Shipping.Web.Tests.Infrastructure;

/// <summary>Lets a test hold the simulated carrier's answer to a parcel's delivery change until it releases it.</summary>
public sealed class CarrierGate
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new(StringComparer.Ordinal);

    public void Hold(string trackingNumber) => _held[trackingNumber] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string trackingNumber)
    {
        if (_held.TryRemove(trackingNumber, out var gate))
        {
            gate.TrySetResult();
        }
    }

    public Task WaitAsync(string trackingNumber, CancellationToken ct) =>
        _held.TryGetValue(trackingNumber, out var gate) ? gate.Task.WaitAsync(ct) : Task.CompletedTask;
}

/// <summary>The simulator's own delivery changer, answering only once the test's <see cref="CarrierGate"/> lets it.</summary>
public sealed class GatedDeliveryChanger(IOptionsMonitor<SimulatorOptions> options, CarrierGate gate) : IDeliveryChanger
{
    private readonly SimulatorDeliveryChanger _inner = new(options);

    public IReadOnlySet<DeliveryChangeKind> Supported => _inner.Supported;

    public async Task<DeliveryChangeOutcome> ChangeAsync(ChangeDelivery request, WatchedParcel? parcel, CancellationToken ct)
    {
        await gate.WaitAsync(request.TrackingNumber, ct);
        return await _inner.ChangeAsync(request, parcel, ct);
    }
}
