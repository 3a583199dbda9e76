using System.Globalization;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Shipping.Carriers.Benchmarks;

// Normalisation throughput per carrier: raw JSON → canonical events, one core.
//   dotnet run -c Release --project tests/Carriers.Benchmarks [-- --results <file>]
// Prints a table of events per second and writes it, with the machine it ran on, to the results file
// (default: tests/Carriers.Benchmarks/results/normalisation.md). Target: ≥ 50,000 events/s per core.
const double Target = 50_000;
var resultsFile = args.SkipWhile(a => a != "--results").Skip(1).FirstOrDefault()
    ?? Path.Combine(FindProjectDirectory(), "results", "normalisation.md");

// Each payload's event count, counted once outside the measurement.
var eventsPerPayload = Cases.All().ToDictionary(c => c.Name, c => c.Normalise(c.Payload));

var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.ShortRun.WithId("ShortRun"))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator)
    .WithArtifactsPath(Path.Combine(FindProjectDirectory(), "BenchmarkDotNet.Artifacts"));
var summary = BenchmarkRunner.Run<NormalisationBenchmarks>(config, args.TakeWhile(a => a != "--results").ToArray());

var report = new StringBuilder();
report.AppendLine("# Carrier normalisation throughput");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {ProcessorName()}, " +
    $"{Environment.ProcessorCount} logical cores, {summary.HostEnvironmentInfo.RuntimeVersion}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}. Single-threaded: one core.");
report.AppendLine();
report.AppendLine("| payload | events per payload | mean per payload | events/s per core | allocated per payload | target 50,000/s |");
report.AppendLine("|---|---:|---:|---:|---:|---|");
var allMet = true;
double totalEvents = 0, totalNs = 0;
foreach (var result in summary.Reports.Where(r => r.ResultStatistics is not null))
{
    var name = result.BenchmarkCase.Parameters["Payload"]!.ToString()!;
    var events = eventsPerPayload[name];
    var meanNs = result.ResultStatistics!.Mean;
    var perSecond = events / (meanNs / 1e9);
    var allocated = result.GcStats.GetBytesAllocatedPerOperation(result.BenchmarkCase);
    allMet &= perSecond >= Target;
    totalEvents += events;
    totalNs += meanNs;
    report.AppendLine(CultureInfo.InvariantCulture,
        $"| {name} | {events} | {meanNs / 1000:F1} µs | {perSecond:N0} | {(allocated ?? 0) / 1024.0:F1} KiB | {(perSecond >= Target ? "met" : "NOT met")} |");
}

var overall = totalEvents / (totalNs / 1e9);
report.AppendLine(CultureInfo.InvariantCulture, $"| **all payloads, one after another** | {totalEvents} | {totalNs / 1000:F1} µs | **{overall:N0}** | | {(overall >= Target ? "met" : "NOT met")} |");

Console.WriteLine();
Console.WriteLine(report);
Directory.CreateDirectory(Path.GetDirectoryName(resultsFile)!);
File.WriteAllText(resultsFile, report.ToString());
Console.WriteLine($"Written to {resultsFile}");
return allMet ? 0 : 1;

static string ProcessorName() =>
    File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
        : "unknown CPU";

static string FindProjectDirectory()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Carriers.Benchmarks.csproj")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
