using BenchmarkDotNet.Attributes;

namespace Shipping.Carriers.Benchmarks;

/// <summary>Raw carrier JSON to canonical events, single-threaded: the figure is events per second per core.</summary>
[MemoryDiagnoser]
public class NormalisationBenchmarks
{
    public static IEnumerable<NormalisationCase> Payloads() => Cases.All();

    [ParamsSource(nameof(Payloads))]
    public NormalisationCase Payload { get; set; } = null!;

    [Benchmark]
    public int Normalise() => Payload.Normalise(Payload.Payload);
}
