using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Marten;
using Marten.Linq;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shipping.Timeline.Benchmarks.Seeding;
using Shipping.Timeline.ReadSide.OrderSummaries;
using Shipping.Timeline.ReadSide.Searching;
using Shipping.Timeline.Shipments;
using Shipping.Timeline.Timelines.Rows;
using Shipping.Timeline.Orders;
using Shipping.Testing;
using Shipping.Testing.Benchmarking;

namespace Shipping.Timeline.Benchmarks.Querying;

/// <summary>
/// The read side on a large data set: seeds (or reuses) a schema of N shipments with 10 events each, hosts the real
/// Timeline on Kestrel as a read instance (<c>Marten:Daemon=Disabled</c>, as every instance but the designated one
/// runs), and measures the order timeline, the support history and search through real HTTP on loopback.
/// </summary>
public static class QueryBenchmark
{
    public const string Schema = "bench_timeline_query";
    private const double TimelineTargetMs = 10;
    private const double SearchTargetMs = 50;

    private sealed record Kind(string Name, string Endpoint, double TargetMs, Func<GeneratedOrder, Random, string> Path);

    private static readonly Kind[] Kinds =
    [
        new("timeline by order number", "GET /api/orders/{n}/timeline", TimelineTargetMs, (o, _) => $"/api/orders/{Uri.EscapeDataString(o.OrderNumber)}/timeline"),
        new("history by order number", "GET /api/orders/{n}/history", TimelineTargetMs, (o, _) => $"/api/orders/{Uri.EscapeDataString(o.OrderNumber)}/history"),
        new("search: order number, lower case", "GET /api/search?q=", SearchTargetMs, (o, _) => Search(o.OrderNumber.ToLowerInvariant())),
        new("search: tracking number, spaced", "GET /api/search?q=", SearchTargetMs, (o, r) => Search(Spaced(o.Shipments[r.Next(o.Shipments.Count)].TrackingNumber))),
        new("search: email, mixed case", "GET /api/search?q=", SearchTargetMs, (o, _) => Search(MixedCase(o.Customer.Email!))),
        new("search: phone, as typed nationally", "GET /api/search?q=", SearchTargetMs, (o, _) => Search(AsTyped(o.Customer.Phone!, o.Customer.Locale))),
    ];

    /// <param name="reseed">Seed again even when the schema holds a seed of the same size (after a change to Timeline's events or read models).</param>
    public static async Task<string> RunAsync(int shipments, int samples, TimeSpan throughputWindow, bool reseed, Machine machine)
    {
        var connection = LocalInfrastructure.Postgres;
        var seeded = reseed ? null : await Seeder.SeededShipmentsAsync(connection, Schema);
        if (seeded != shipments)
        {
            Console.WriteLine(seeded is null ? $"Schema {Schema}: no complete seed; seeding {shipments:N0} shipments." : $"Schema {Schema} holds {seeded:N0} shipments; reseeding with {shipments:N0}.");
            await Seeder.DropAsync(connection, Schema);
        }
        else
        {
            Console.WriteLine($"Schema {Schema} already holds {shipments:N0} seeded shipments: reused.");
        }

        await using var vhost = await RabbitMqVirtualHost.CreateAsync(LocalInfrastructure.RabbitMq, $"shipping-bench-query-{Guid.NewGuid():N}"[..40]);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = connection,
            ["ConnectionStrings:RabbitMq"] = vhost.Uri,
            ["Marten:Schema"] = Schema,
            ["Marten:Daemon"] = "Disabled",
        };
        foreach (var tenant in OrderGenerator.Tenants)
        {
            settings[$"Tenants:{tenant}:ApiKeys:0"] = OrderGenerator.ApiKey(tenant);
        }

        await using var host = TimelineHost.Create(settings);
        using var client = host.StartWithApiKey(OrderGenerator.ApiKey(OrderGenerator.Tenants[0]));
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        Console.WriteLine($"Timeline listening on {client.BaseAddress}");
        var store = host.Services.GetRequiredService<IDocumentStore>();

        string seedLine;
        if (seeded != shipments)
        {
            var clock = Stopwatch.StartNew();
            var counts = await new Seeder(store, connection, Schema).SeedAsync(shipments, CancellationToken.None);
            seedLine = string.Create(CultureInfo.InvariantCulture,
                $"Seeded in this run: {counts.Orders:N0} orders, {counts.Shipments:N0} shipments, {counts.Events:N0} events, {counts.TimelineRows:N0} timeline rows in {clock.Elapsed.TotalMinutes:F1} min.");
        }
        else
        {
            seedLine = "Seed reused from an earlier run (same size).";
        }

        Console.WriteLine(seedLine);
        var sizes = await TableSizesAsync(connection);
        Console.WriteLine(sizes);

        var orders = OrderGenerator.OrdersFor(shipments);
        var plans = await PlansAsync(store, orders);
        Console.WriteLine(plans.Text);

        // Warm-up: JIT, connection pools, and the pages a running service would have in cache.
        var random = new Random(20261123);
        Console.WriteLine("Warming up...");
        for (var i = 0; i < 300; i++)
        {
            foreach (var kind in Kinds)
            {
                await SendAsync(client, kind, Pick(random, orders, shipments), random);
            }
        }

        var report = new StringBuilder();
        report.AppendLine("## Query");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Run {machine.Describe(TimelineHost.Sharing)}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Data: {shipments:N0} shipments with {Seeder.EventsPerShipment} events each (decided by the service's own decider from generated journeys), " +
            $"{orders:N0} orders of 4 retailers (tenants), customers in 6 countries; read models built by the service's projections. {seedLine}");
        report.AppendLine();
        report.AppendLine(sizes);
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Through real HTTP (Kestrel on loopback, `X-Api-Key`), Timeline hosted in-process as a read instance (`Marten:Daemon=Disabled`). " +
            $"Latency: {samples:N0} requests per kind, one at a time, each for a random order of a random retailer, after 300 warm-up rounds. " +
            $"Throughput: {ThroughputWorkers} concurrent clients for {throughputWindow.TotalSeconds:N0} s per kind.");
        report.AppendLine();
        report.AppendLine("| query | p50 | p95 | p99 | max | throughput | target p99 | |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var kind in Kinds)
        {
            var latencies = new Latencies();
            var failures = 0;
            for (var i = 0; i < samples; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await SendAsync(client, kind, Pick(random, orders, shipments), random);
                latencies.AddSince(start);
                failures += ok ? 0 : 1;
            }

            var perSecond = await ThroughputAsync(client, kind, orders, shipments, throughputWindow);
            var p99 = latencies.Percentile(99);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"| {kind.Name} (`{kind.Endpoint}`) | {latencies.Percentile(50):F2} ms | {latencies.Percentile(95):F2} ms | **{p99:F2} ms** | {latencies.Max:F1} ms | {perSecond:N0}/s | {kind.TargetMs:N0} ms | {(p99 < kind.TargetMs ? "met" : "NOT met")}{(failures > 0 ? $", {failures} failed" : "")} |");
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        report.AppendLine();
        report.AppendLine($"Load average at the end: {Machine.LoadAverageNow()}.");
        report.AppendLine();
        report.AppendLine("Query plans (`EXPLAIN (ANALYZE, BUFFERS)` of the SQL Marten sends for each endpoint, one random order):");
        report.AppendLine();
        report.AppendLine(plans.Summary);
        return report.ToString();
    }

    private const int ThroughputWorkers = 8;

    private static async Task<double> ThroughputAsync(HttpClient client, Kind kind, int orders, int shipments, TimeSpan window)
    {
        var count = 0L;
        var until = Stopwatch.GetTimestamp() + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, ThroughputWorkers).Select(async worker =>
        {
            var random = new Random(worker * 31 + kind.Name.Length);
            while (Stopwatch.GetTimestamp() < until)
            {
                await SendAsync(client, kind, Pick(random, orders, shipments), random);
                Interlocked.Increment(ref count);
            }
        }));
        return count / clock.Elapsed.TotalSeconds;
    }

    private static GeneratedOrder Pick(Random random, int orders, int shipments)
    {
        var index = random.Next(orders);
        var order = OrderGenerator.Order(index, OrderGenerator.FirstShipmentOf(index));
        // The last order of a data set may have been cut to one shipment.
        return OrderGenerator.FirstShipmentOf(index) + order.Shipments.Count > shipments ? order with { Shipments = [order.Shipments[0]] } : order;
    }

    /// <summary>Sends the request and reads the whole answer; true when it is 200 and (for search) finds the order.</summary>
    private static async Task<bool> SendAsync(HttpClient client, Kind kind, GeneratedOrder order, Random random)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, kind.Path(order, random));
        request.Headers.Add("X-Api-Key", OrderGenerator.ApiKey(order.Tenant));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK && body.Contains(JsonSerializer.Serialize(order.OrderNumber)[1..^1], StringComparison.Ordinal);
    }

    private static string Search(string q) => "/api/search?q=" + Uri.EscapeDataString(q);

    private static string Spaced(string tracking) =>
        string.Join(' ', tracking.Chunk(4).Select(c => new string(c))).ToLowerInvariant();

    private static string MixedCase(string email) =>
        string.Concat(email.Select((c, i) => i % 3 == 0 ? char.ToUpperInvariant(c) : c));

    /// <summary>The phone as a customer would say it: nationally with the trunk 0 where the country has one, else "00" + country code, grouped.</summary>
    private static string AsTyped(string e164, string locale)
    {
        var region = PhoneNumbers.RegionOf(locale);
        var national = PhoneNumbers.NationalNumberOf(e164, region);
        if (national is not null && region is "DE" or "GB" or "FR" or "NL")
        {
            return region switch
            {
                "DE" => $"(0{national[..3]}) {national[3..7]} {national[7..]}",
                "FR" => "0" + string.Join(' ', national.Chunk(2).Select(c => new string(c))),
                _ => $"0{national[..4]} {national[4..]}",
            };
        }

        return "00" + e164[1..3] + " " + string.Join('-', e164[3..].Chunk(3).Select(c => new string(c)));
    }

    private static async Task<string> TableSizesAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT c.relname, c.reltuples::bigint, pg_size_pretty(pg_total_relation_size(c.oid))
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = '{Schema}' AND c.relkind = 'r' AND c.relname IN ('mt_events','mt_streams','mt_doc_shipmentview','mt_doc_orderdetails','mt_doc_timelinerow','mt_doc_ordersummaryview')
            ORDER BY pg_total_relation_size(c.oid) DESC
            """, db);
        await using var reader = await command.ExecuteReaderAsync();
        var parts = new List<string>();
        while (await reader.ReadAsync())
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"`{reader.GetString(0)}` {reader.GetInt64(1):N0} rows, {reader.GetString(2)}"));
        }

        return "Tables (with indexes): " + string.Join("; ", parts) + ".";
    }

    private sealed record Plans(string Text, string Summary);

    /// <summary>The plans PostgreSQL chooses for each endpoint's queries, and whether each uses an index.</summary>
    private static async Task<Plans> PlansAsync(IDocumentStore store, int orders)
    {
        var order = OrderGenerator.Order(orders / 2, OrderGenerator.FirstShipmentOf(orders / 2));
        await using var session = store.QuerySession(order.Tenant);
        var shipmentIds = order.Shipments.Select(s => s.ShipmentId(order.OrderNumber)).ToArray();
        var queries = new List<(string Name, NpgsqlCommand Command)>
        {
            ("timeline, history: OrderDetails by id", session.Query<OrderDetails>().Where(o => o.Id == order.OrderId).ToCommand(FetchType.FetchOne)),
            ("timeline: ShipmentView by order number (batched with the OrderDetails)", session.Query<ShipmentView>().Where(s => s.OrderNumber == order.OrderNumber).ToCommand(FetchType.FetchMany)),
            ("history: TimelineRow by shipment ids", session.Query<TimelineRow>().Where(r => r.ShipmentId.IsOneOf(shipmentIds))
                .OrderByDescending(r => r.At).ThenByDescending(r => r.RecordedAt).ToCommand(FetchType.FetchMany)),
        };
        foreach (var key in SearchKeys.ForQuery(AsTyped(order.Customer.Phone!, order.Customer.Locale)).Concat(SearchKeys.ForQuery(order.Customer.Email!)))
        {
            queries.Add(($"search: {key.Split(':')[0]} key", SearchEndpoint.Matching(session, key).ToCommand(FetchType.FetchMany)));
        }

        await using var db = new NpgsqlConnection(LocalInfrastructure.Postgres);
        await db.OpenAsync();
        var text = new StringBuilder();
        var summary = new StringBuilder();
        foreach (var (name, command) in queries)
        {
            command.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText;
            command.Connection = db;
            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(0));
                }
            }

            var scans = plan.Where(l => l.Contains("Scan", StringComparison.Ordinal))
                .Select(l => l.Trim().TrimStart('-', '>', ' ').Split("  (")[0])
                .ToList();
            var time = plan.LastOrDefault(l => l.StartsWith("Execution Time", StringComparison.Ordinal)) ?? "";
            var indexed = scans.Count > 0 && scans.All(s => !s.StartsWith("Seq Scan", StringComparison.Ordinal));
            text.AppendLine($"-- {name}: {(indexed ? "index" : "NO INDEX")}").AppendLine(command.CommandText).AppendLine(string.Join('\n', plan)).AppendLine();
            summary.AppendLine($"- {name}: {string.Join("; ", scans)} — {time}{(indexed ? "" : " — **sequential scan**")}");
        }

        return new Plans(text.ToString(), summary.ToString());
    }
}
