using System.Collections.Concurrent;
using Shipping.Carriers.Polling;
using Shipping.Contracts;

namespace Shipping.Carriers.IntegrationTests;

/// <summary>
/// A carrier tracking API whose answers a test scripts per tracking number. It counts lookups and watches how many
/// lookups of one parcel run at the same moment (several adapter replicas may share one tracker).
/// </summary>
public sealed class ScriptedTracker : ICarrierTracker
{
    private readonly ConcurrentDictionary<string, Func<int, TrackingLookup>> _answers = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private int _maxInFlightForOneParcel;

    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    public int MaxConcurrentLookupsOfOneParcel => _maxInFlightForOneParcel;

    /// <summary>Answers lookups of <paramref name="trackingNumber"/>; the function gets the lookup's number (1, 2, …).</summary>
    public void Answer(string trackingNumber, Func<int, TrackingLookup> answer) => _answers[trackingNumber] = answer;

    public int Calls(string trackingNumber) => _calls.GetValueOrDefault(trackingNumber);

    public async Task<TrackingLookup> TrackAsync(string trackingNumber, CancellationToken ct)
    {
        var call = _calls.AddOrUpdate(trackingNumber, 1, (_, n) => n + 1);
        var inFlight = _inFlight.AddOrUpdate(trackingNumber, 1, (_, n) => n + 1);
        InterlockedMax(ref _maxInFlightForOneParcel, inFlight);
        try
        {
            await Task.Delay(Latency, ct);
            return _answers.TryGetValue(trackingNumber, out var answer) ? answer(call) : new TrackingLookup.NotFound("unknown");
        }
        finally
        {
            _inFlight.AddOrUpdate(trackingNumber, 0, (_, n) => n - 1);
        }
    }

    public static CarrierScan Scan(string trackingNumber, TrackingStatus status, int hour, string code) =>
        CarrierScan.Create("simulator", trackingNumber, status, TrackingSubstatus.Unspecified, code, code,
            new DateTimeOffset(2026, 11, 23, hour, 0, 0, TimeSpan.FromHours(1)), new EventLocation("Leipzig", "04435", "DE"), null);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
