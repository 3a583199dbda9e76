namespace Shipping.Timeline.Benchmarks.Ingesting;

public static class IngestBenchmark
{
    public static Task<string> RunAsync(TimeSpan window, Machine machine) => Task.FromResult($"## Ingest\n\nnot yet ({window}, {machine.Cores})\n");
}
