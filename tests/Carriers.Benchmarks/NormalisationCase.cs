namespace Shipping.Carriers.Benchmarks;

/// <summary>One carrier payload, raw as it arrives, and the adapter's path from those bytes to canonical scans.</summary>
/// <param name="Normalise">Raw JSON bytes in, the number of canonical events out (the work must not be skipped).</param>
public sealed record NormalisationCase(string Name, byte[] Payload, Func<byte[], int> Normalise)
{
    public override string ToString() => Name;
}
