using System.Globalization;
using Shipping.Timeline.Benchmarks;
using Shipping.Timeline.Benchmarks.Ingesting;
using Shipping.Timeline.Benchmarks.Querying;
using Shipping.Testing.Benchmarking;

// The Timeline benchmark (issue 4), on the real PostgreSQL and RabbitMQ (deploy/local/infra-up.sh):
//   dotnet run -c Release --project tests/Timeline.Benchmarks -- ingest|query|all [--shipments N] [--samples N] [--seconds N] [--scale F] [--reseed] [--results FILE]
// ingest: TrackingEventObserved published on RabbitMQ, consumed by Timeline and stored with its inline projections;
//         events per second sustained, and publish → visible latency at 1,000 events/s (target p99 < 200 ms).
// query:  N shipments (default 1,000,000) with 10 events each, then the order timeline (target p99 < 10 ms) and
//         search (target p99 < 50 ms) through real HTTP. The seeded schema is kept and reused at the same N
//         (--reseed seeds again, e.g. after Timeline's events or read models changed).
// Prints the figures and writes them, with the machine they came from, to results/timeline.md.
var command = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
if (command is not ("ingest" or "query" or "all"))
{
    Console.Error.WriteLine("Usage: Timeline.Benchmarks ingest|query|all [--shipments N] [--samples N] [--seconds N] [--scale F] [--reseed] [--results FILE]");
    return 2;
}

var shipments = Option("--shipments", 1_000_000);
var samples = Option("--samples", 2_000);
var seconds = Option("--seconds", 30);
var resultsFile = args.SkipWhile(a => a != "--results").Skip(1).FirstOrDefault() ?? ResultsFile.PathIn("Timeline.Benchmarks.csproj", "timeline");

const string Header = "# Timeline benchmark\n\nWritten by `dotnet run -c Release --project tests/Timeline.Benchmarks -- ingest|query|all`.\n\n" +
    "<!-- ingest:begin -->\n<!-- ingest:end -->\n\n<!-- query:begin -->\n<!-- query:end -->\n";

var machine = Machine.Describe();
Console.WriteLine($"Machine: {machine.Describe(TimelineHost.Sharing)}");
machine.WarnWhenBusy(Console.Out);

if (command is "ingest" or "all")
{
    var scale = double.Parse(args.SkipWhile(a => a != "--scale").Skip(1).FirstOrDefault() ?? "1", CultureInfo.InvariantCulture);
    var ingest = await IngestBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), scale, Machine.Describe());
    ResultsFile.WriteSection(resultsFile, "ingest", ingest, Header);
}

if (command is "query" or "all")
{
    var query = await QueryBenchmark.RunAsync(shipments, samples, TimeSpan.FromSeconds(Math.Min(seconds, 10)), args.Contains("--reseed"), Machine.Describe());
    ResultsFile.WriteSection(resultsFile, "query", query, Header);
}

Console.WriteLine($"Written to {resultsFile}");
return 0;

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;
