using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Shipping.Contracts;

namespace Shipping.Carriers.Normalising;

/// <summary>A carrier code's place in the canonical taxonomy.</summary>
public readonly record struct CanonicalStatus(TrackingStatus Status, TrackingSubstatus Substatus = TrackingSubstatus.Unspecified);

/// <summary>
/// A carrier's code table. An unknown code maps to <see cref="Fallback"/> (the scan keeps its raw code and text)
/// and is logged once per process, so a carrier adding codes shows up in the logs without flooding them.
/// </summary>
public sealed class CodeMapping(string carrier, IReadOnlyDictionary<string, CanonicalStatus> table, CanonicalStatus fallback, ILogger logger)
{
    private readonly ConcurrentDictionary<string, bool> _reported = new(StringComparer.OrdinalIgnoreCase);

    public CanonicalStatus Fallback { get; } = fallback;

    public IReadOnlyDictionary<string, CanonicalStatus> Table { get; } = table;

    public CanonicalStatus Map(string code)
    {
        if (Table.TryGetValue(code, out var status))
        {
            return status;
        }

        if (_reported.TryAdd(code, true))
        {
            logger.LogWarning("Unknown {Carrier} status code {Code}; mapped to {Status}", carrier, code, Fallback.Status);
        }

        return Fallback;
    }
}
