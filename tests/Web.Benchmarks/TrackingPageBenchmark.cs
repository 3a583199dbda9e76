using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Contracts;
using Shipping.ServiceDefaults;
using Shipping.Testing;
using Shipping.Testing.Benchmarking;
using Shipping.Timeline.Orders;

namespace Shipping.Web.Benchmarks;

/// <summary>The tracking page against a static page of the same weight, served by the same Web server in the same run.</summary>
public static class TrackingPageBenchmark
{
    private const string Tenant = "bench";
    private const string ApiKey = "bench-retailer-key";
    private const string ServiceKey = "bench-web-service-key";
    private const string LinkKey = "bench-tracking-link-key-0123456789abcdef";
    private const string StaticPath = "/bench/static-tracking-page.html";

    private static readonly string[] FirstNames = ["Erika", "Max", "Lena", "Jonas", "Mia", "Paul", "Hannah", "Felix"];
    private static readonly string[] LastNames = ["Mustermann", "Schmidt", "Weber", "Fischer", "Becker", "Wagner", "Koch"];

    public static async Task<string> RunAsync(int orders, int rate, TimeSpan window, int clients, Machine machine)
    {
        await using var infrastructure = await TestInfrastructure.CreateAsync();
        var repository = RepositoryRoot();

        var timelineSettings = infrastructure.Settings("timeline");
        timelineSettings[$"Tenants:{Tenant}:ApiKeys:0"] = ApiKey;
        timelineSettings["Platform:ServiceKeys:web"] = ServiceKey;
        timelineSettings["Platform:TrackingLinkKey"] = LinkKey;
        timelineSettings["Timeline:Delays:StaleAfter"] = TimeSpan.FromDays(3650).ToString();
        await using var timeline = new BenchmarkHost<OrderDetails>(
            "ASPNETCORE_TEST_CONTENTROOT_SHIPPING_TIMELINE", timelineSettings, Path.Combine(repository, "services", "Timeline"));
        var timelineAddress = timeline.Start();

        // Web's content root: a copy of its appsettings and wwwroot, plus the static page this benchmark compares against.
        var webRoot = Directory.CreateTempSubdirectory("shipping-web-bench-").FullName;
        CopyDirectory(Path.Combine(repository, "services", "Web", "wwwroot"), Path.Combine(webRoot, "wwwroot"));
        File.Copy(Path.Combine(repository, "services", "Web", "appsettings.json"), Path.Combine(webRoot, "appsettings.json"));
        var webSettings = infrastructure.Settings("web");
        webSettings["Web:Timeline:BaseUrl"] = timelineAddress.ToString();
        webSettings["Web:Timeline:ServiceKey"] = ServiceKey;
        webSettings["Platform:TrackingLinkKey"] = LinkKey;
        webSettings["Web:RequireHttps"] = "false";
        await using var web = new BenchmarkHost<WebOptions>("ASPNETCORE_TEST_CONTENTROOT_SHIPPING_WEB", webSettings, webRoot);
        var webAddress = web.Start();

        using var retailer = new HttpClient { BaseAddress = timelineAddress };
        retailer.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var seeded = System.Diagnostics.Stopwatch.StartNew();
        var orderNumbers = await SeedAsync(retailer, timeline.Services.GetRequiredService<IBus>(), orders);
        System.Console.WriteLine($"Seeded {orders} orders with 4 scans each in {seeded.Elapsed.TotalSeconds:F1} s");

        var links = new TrackingLinks(LinkKey);
        var expires = DateTimeOffset.UtcNow.AddDays(7);
        var tracking = orderNumbers.Select(n => new Target($"/t/{links.Create(Tenant, n, expires)}", n)).ToArray();

        using var load = new LoadGenerator(webAddress);
        var page = await load.GetStringAsync(tracking[0].Path);
        Directory.CreateDirectory(Path.Combine(webRoot, "wwwroot", "bench"));
        await File.WriteAllTextAsync(Path.Combine(webRoot, "wwwroot", "bench", "static-tracking-page.html"), page);
        var staticTarget = new Target(StaticPath, orderNumbers[0]);

        var random = new ThreadLocal<Random>(() => new Random(Environment.CurrentManagedThreadId));
        Target NextTracking(int _) => tracking[random.Value!.Next(tracking.Length)];
        Target NextStatic(int _) => staticTarget;

        System.Console.WriteLine("Warming up ...");
        await load.ClosedLoopAsync(NextStatic, clients, TimeSpan.FromSeconds(3));
        await load.ClosedLoopAsync(NextTracking, clients, TimeSpan.FromSeconds(5));

        var results = new List<(string Name, LoadResult Throughput, LoadResult AtRate)>();
        foreach (var (name, next) in new (string, Func<int, Target>)[] { ("static page (same HTML, static file)", NextStatic), ("tracking page `/t/{token}`", NextTracking) })
        {
            System.Console.WriteLine($"{name}: {clients} clients for {window.TotalSeconds:F0} s ...");
            var throughput = await load.ClosedLoopAsync(next, clients, window);
            System.Console.WriteLine($"  {throughput.PerSecond:F0} requests/s");
            System.Console.WriteLine($"{name}: {rate}/s for {window.TotalSeconds:F0} s ...");
            var atRate = await load.OpenLoopAsync(next, rate, window);
            System.Console.WriteLine($"  p50 {atRate.Latency.Percentile(50):F2} ms, p99 {atRate.Latency.Percentile(99):F2} ms, errors {atRate.Errors}, wrong page {atRate.Wrong}");
            results.Add((name, throughput, atRate));
        }

        Directory.Delete(webRoot, recursive: true);
        return Report(machine, orders, rate, window, clients, results, Encoding.UTF8.GetByteCount(page));
    }

    private static string Report(Machine machine, int orders, int rate, TimeSpan window, int clients, List<(string Name, LoadResult Throughput, LoadResult AtRate)> results, int pageBytes)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"## Tracking page\n\nRun {machine.Describe("PostgreSQL, RabbitMQ, Timeline, Web and the load generator all on this machine.")}\n\n");
        text.Append(c, $"Timeline and Web hosted in this process (Production settings, Web calling Timeline over loopback HTTP), {orders:N0} orders of one retailer with one parcel and 4 scans each. ");
        text.Append(c, $"The static page is the tracking page's own HTML ({pageBytes:N0} bytes) saved as a file and served by the same Web server's static-file middleware. ");
        text.Append(c, $"Throughput: {clients} concurrent clients for {window.TotalSeconds:F0} s. Latency: {rate:N0} requests per second for {window.TotalSeconds:F0} s, open loop (counted from when each request was due). ");
        text.Append("Each tracking page asked for is a random order's, and its answer is checked to show that order (\"wrong page\").\n\n");
        text.Append("| page | throughput | offered | achieved | p50 | p95 | p99 | max | errors | wrong page |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var (name, throughput, atRate) in results)
        {
            text.Append(c, $"| {name} | **{throughput.PerSecond:N0}/s** | {rate:N0}/s | {atRate.PerSecond:N0}/s | {atRate.Latency.Percentile(50):F2} ms | {atRate.Latency.Percentile(95):F2} ms | **{atRate.Latency.Percentile(99):F2} ms** | {atRate.Latency.Max:F0} ms | {atRate.Errors + throughput.Errors} | {atRate.Wrong + throughput.Wrong} |\n");
        }

        var (statics, page) = (results[0], results[1]);
        text.Append(c, $"\n- Tracking page throughput: **{page.Throughput.PerSecond / statics.Throughput.PerSecond:P1} of the static page's** ({page.Throughput.PerSecond:N0}/s against {statics.Throughput.PerSecond:N0}/s).\n");
        text.Append(c, $"- p99 at {rate:N0}/s: tracking page {page.AtRate.Latency.Percentile(99):F2} ms, static page {statics.AtRate.Latency.Percentile(99):F2} ms (**{page.AtRate.Latency.Percentile(99) / statics.AtRate.Latency.Percentile(99):F1}×**).\n");
        text.Append(c, $"- Load average at the end: {Machine.LoadAverageNow()}.\n");
        return text.ToString();
    }

    private static async Task<string[]> SeedAsync(HttpClient retailer, IBus bus, int orders)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var numbers = Enumerable.Range(1, orders).Select(i => $"BENCH-{i:D6}").ToArray();
        var tracking = numbers.Select(n => "SIM" + n[6..] + "BN").ToArray();
        await Parallel.ForAsync(0, orders, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var name = $"{FirstNames[i % FirstNames.Length]} {LastNames[i % LastNames.Length]}";
            var response = await retailer.PostAsJsonAsync("/api/orders", new
            {
                orderNumber = numbers[i],
                customer = new { name, email = $"customer{i}@example.com", phone = $"+491511{i:D7}", locale = i % 2 == 0 ? "de-DE" : "en-GB", timeZone = "Europe/Berlin" },
                deliveryAddress = new { name, street = "Musterstraße", houseNumber = (1 + i % 90).ToString(CultureInfo.InvariantCulture), postalCode = "10115", city = "Berlin", countryCode = "DE" },
                promisedDeliveryDate = today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                shipments = new[] { new { carrier = "simulator", trackingNumber = tracking[i] } },
            }, ct);
            response.EnsureSuccessStatusCode();
        });

        var berlin = TimeSpan.FromHours(1);
        var start = DateTimeOffset.UtcNow.AddDays(-2).ToOffset(berlin);
        (TrackingStatus Status, TrackingSubstatus Substatus, string Code, string Text, string City, string Postcode)[] journey =
        [
            (TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified, "INFO", "Shipment information received", "Leipzig", "04435"),
            (TrackingStatus.InTransit, TrackingSubstatus.PickedUp, "PICKUP", "Picked up by the carrier", "Leipzig", "04435"),
            (TrackingStatus.InTransit, TrackingSubstatus.Departed, "DEPART", "Departed the Leipzig hub", "Leipzig", "04435"),
            (TrackingStatus.InTransit, TrackingSubstatus.Arrived, "ARRIVE", "Arrived at the Berlin depot", "Berlin", "12099"),
        ];
        var scans = new List<TrackingEventObserved>();
        for (var i = 0; i < orders; i++)
        {
            for (var step = 0; step < journey.Length; step++)
            {
                var (status, substatus, code, text, city, postcode) = journey[step];
                scans.Add(new TrackingEventObserved(Guid.NewGuid(), Tenant, "simulator", tracking[i], status, substatus, code, text,
                    start.AddHours(step * 7), new EventLocation(city, postcode, "DE"), new DeliveryEstimate(today.AddDays(2)), DateTimeOffset.UtcNow));
            }
        }

        foreach (var chunk in scans.Chunk(200))
        {
            await Task.WhenAll(chunk.Select(s => bus.Publish(s)));
        }

        // Wait until the last scan of every 50th order shows in the read model (the consumer works through the queue in order).
        foreach (var number in numbers.Where((_, i) => i % 50 == 49 || i == orders - 1))
        {
            await Eventually.Get(
                async () => await (await retailer.GetAsync($"/api/orders/{number}/timeline")).Content.ReadAsStringAsync(),
                json => json?.Contains("\"rawCode\":\"ARRIVE\"", StringComparison.Ordinal) == true,
                $"the scans of {number}", timeout: TimeSpan.FromMinutes(5));
        }

        return numbers;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shipping.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository (Shipping.sln) was not found above " + AppContext.BaseDirectory);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
