using System.Globalization;
using Shipping.Testing.Benchmarking;
using Shipping.Web.Benchmarks;

// The tracking-page load benchmark (issue 6), on the real PostgreSQL and RabbitMQ (deploy/local/infra-up.sh):
//   dotnet run -c Release --project tests/Web.Benchmarks -- [--orders N] [--rate N] [--seconds N] [--clients N] [--results FILE]
// Timeline and Web hosted in this process on Kestrel (Web calls Timeline over real HTTP), N orders with a few scans each.
// Measures, through real HTTP on loopback, a static page served by the same Web server (the tracking page's own HTML saved
// as a static file, so both weigh the same) and the tracking page itself (/t/{token}, a random order per request):
// requests per second with N concurrent clients, and p50/p99 latency at a fixed rate (default 1,000 requests per second,
// open loop: latency counted from when each request was due). Every tracking page is checked to show its own order.
// Prints the figures and writes them, with the machine they came from, to results/web.md.
var orders = Option("--orders", 500);
var rate = Option("--rate", 1_000);
var seconds = Option("--seconds", 20);
var clients = Option("--clients", 32);
var resultsFile = args.SkipWhile(a => a != "--results").Skip(1).FirstOrDefault() ?? ResultsFile.PathIn("Web.Benchmarks.csproj", "web");

var machine = Machine.Describe();
Console.WriteLine($"Machine: {machine.Describe("")}");
machine.WarnWhenBusy(Console.Out);

var markdown = await TrackingPageBenchmark.RunAsync(orders, rate, TimeSpan.FromSeconds(seconds), clients, machine);
ResultsFile.WriteSection(resultsFile, "tracking-page", markdown,
    "# Web benchmark\n\nWritten by `dotnet run -c Release --project tests/Web.Benchmarks`.\n");
Console.WriteLine(markdown);
Console.WriteLine($"Written to {resultsFile}");
return 0;

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;
