using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shipping.Contracts;
using Shipping.ServiceDefaults;
using Shipping.Testing;
using Shipping.Timeline.Benchmarks.Seeding;
using Shipping.Timeline.Orders;
using Shipping.Timeline.Shipments;
using Shipping.Testing.Benchmarking;

namespace Shipping.Timeline.Benchmarks.Ingesting;

/// <summary>
/// Carrier scans end to end: <see cref="TrackingEventObserved"/> published on the real RabbitMQ (as an adapter does,
/// from its own bus connection), consumed by the hosted Timeline's real consumer and stored with its inline
/// projections, the async daemon running beside it as in the designated instance. Latency is publish → commit of the
/// transaction that made the scan visible (<see cref="CommitClock"/>), checked by polling the read model for a sample.
/// </summary>
public static class IngestBenchmark
{
    public const string Schema = "bench_timeline_ingest";
    private const double LatencyTargetMs = 200;
    private const double ThroughputTarget = 5_000;
    private const int FullShipments = 40_000;

    private sealed record Phase(string Name, double Rate, TimeSpan Duration, int Count);

    private sealed record PhaseResult(Phase Phase, int Published, double OfferedRate, double CommittedRate, int BacklogAtEnd, TimeSpan Drain, Latencies Latency, int Lost)
    {
        /// <summary>All of Timeline's database round trips during the phase (consumer, daemon, the sampling polls) per scan.</summary>
        public double RoundTripsPerScan { get; init; }

        /// <summary>CPU time of this whole process (Timeline with its daemon, and the publishing load generator) per scan, from the phase's start to its drain.</summary>
        public double CpuMsPerScan { get; init; }

        /// <summary>CPU time of the PostgreSQL and RabbitMQ processes per scan over the same span (<see cref="ServerCpu"/>).</summary>
        public double PostgresCpuMsPerScan { get; init; }

        public double RabbitMqCpuMsPerScan { get; init; }
    }

    /// <param name="scale">1 for the real run; less for a quick check of the machinery (fewer shipments, shorter phases).</param>
    public static async Task<string> RunAsync(TimeSpan window, double scale, Machine machine)
    {
        var shipments = (int)(FullShipments * scale);
        var connection = LocalInfrastructure.Postgres;
        await Seeder.DropAsync(connection, Schema);
        await using var vhost = await RabbitMqVirtualHost.CreateAsync(LocalInfrastructure.RabbitMq, $"shipping-bench-ingest-{Guid.NewGuid():N}"[..41]);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = connection,
            ["ConnectionStrings:RabbitMq"] = vhost.Uri,
            ["Marten:Schema"] = Schema,
        };
        foreach (var tenant in OrderGenerator.Tenants)
        {
            settings[$"Tenants:{tenant}:ApiKeys:0"] = OrderGenerator.ApiKey(tenant);
        }

        var clock = new CommitClock();
        var roundTrips = new RoundTripCounter();
        await using var host = TimelineHost.Create(settings, services => services.ConfigureMarten(options =>
        {
            options.Listeners.Add(clock);
            options.Logger(roundTrips);
        }));
        using var client = host.StartWithApiKey(OrderGenerator.ApiKey(OrderGenerator.Tenants[0]));
        var store = host.Services.GetRequiredService<IDocumentStore>();

        // Registration: the same events POST /api/orders appends, one session per 250 orders.
        var registering = Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var orders = OrderGenerator.Orders(shipments).Select(o => ShiftedTo(o, today)).ToList();
        foreach (var batch in orders.Chunk(250))
        {
            foreach (var tenant in batch.GroupBy(o => o.Tenant))
            {
                await using var session = store.LightweightSession(tenant.Key);
                foreach (var order in tenant)
                {
                    Register(session, order);
                }

                await session.SaveChangesAsync();
            }
        }

        Console.WriteLine($"Registered {orders.Count:N0} orders with {shipments:N0} shipments in {registering.Elapsed.TotalSeconds:F1} s; waiting for the async daemon to catch up...");
        await WaitForDaemonAsync(connection, TimeSpan.FromMinutes(5));
        var registered = registering.Elapsed;
        Console.WriteLine($"Daemon caught up after {registered.TotalSeconds:F1} s.");
        // After loading 40,000 orders at once every table is due for autovacuum, which would take a core away during
        // the first phases: done now instead.
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await Seeder.VacuumAsync(db, Schema);
        }

        Console.WriteLine($"Tables vacuumed and analysed after {registering.Elapsed.TotalSeconds:F1} s.");
        var atRest = await AtRestAsync(TimeSpan.FromSeconds(5));
        Console.WriteLine(atRest);

        // Scans round-robin over the shipments (every shipment's first scan, then every second scan, ...), so a shipment's
        // scans are far apart and arrive in journey order, as they would from carriers.
        var scans = new Queue<(TrackingEventObserved Scan, Guid ShipmentId)>(orders
            .SelectMany(o => o.Shipments.Select(s => (s, o.OrderNumber)))
            .SelectMany(x => x.s.Journey.Select((scan, k) => (k, scan, x.s.ShipmentId(x.OrderNumber))))
            .OrderBy(x => x.k)
            .Select(x => (x.scan, x.Item3)));
        Console.WriteLine($"{scans.Count:N0} scans ready.");

        var broker = RabbitMqUri.Parse(vhost.Uri);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
        {
            h.Username(broker.Username);
            h.Password(broker.Password);
        }));
        await bus.StartAsync();
        try
        {
            Phase At(string name, double rate, double seconds) => new(name, rate, TimeSpan.FromSeconds(seconds * scale), (int)(rate * seconds * scale));
            var phases = new List<Phase>
            {
                // Long enough for the JIT's tiering to settle: the phases below measure the service as it runs for days.
                At("warm-up", 500, 20),
                // Below what a busy 2-core machine sustains: the latency of a consumer that keeps up.
                At("latency at 250/s", 250, 20),
                At("latency at 1,000/s", 1_000, window.TotalSeconds),
                At("step 2,000/s", 2_000, 15),
                At("step 3,000/s", 3_000, 15),
                At("step 5,000/s", 5_000, 15),
                new("as fast as possible", double.PositiveInfinity, TimeSpan.Zero, (int)(30_000 * scale)),
            };
            var results = new List<PhaseResult>();
            foreach (var phase in phases)
            {
                if (scans.Count < phase.Count)
                {
                    Console.WriteLine($"Not enough scans left for {phase.Name}; skipped.");
                    continue;
                }

                // Step up only while the consumer keeps up: once it stores less than 80 % of what is offered, a higher
                // offered rate only grows the queue; the flat-out phase then shows what it sustains.
                if (phase.Name.StartsWith("step", StringComparison.Ordinal) && results.LastOrDefault() is { } previous
                    && previous.CommittedRate < 0.8 * previous.OfferedRate)
                {
                    Console.WriteLine($"{phase.Name}: skipped, the consumer fell behind at {previous.Phase.Name}.");
                    continue;
                }

                var batch = Enumerable.Range(0, phase.Count).Select(_ => scans.Dequeue()).ToList();
                var before = roundTrips.RoundTrips;
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var serversBefore = ServerCpu.Now();
                var result = await RunPhaseAsync(bus, store, clock, phase, batch);
                var servers = ServerCpu.Now() - serversBefore;
                result = result with
                {
                    RoundTripsPerScan = (roundTrips.RoundTrips - before) / (double)batch.Count,
                    CpuMsPerScan = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / batch.Count,
                    PostgresCpuMsPerScan = servers.Postgres.TotalMilliseconds / batch.Count,
                    RabbitMqCpuMsPerScan = servers.RabbitMq.TotalMilliseconds / batch.Count,
                };
                Console.WriteLine(Describe(result));
                if (phase.Name != "warm-up")
                {
                    results.Add(result);
                }
            }

            var verified = await VerifyAsync(store, clock, orders);
            return Report(machine, shipments, results, verified, registered, atRest);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    /// <summary>Publishes the phase's scans at its rate (or flat out), then waits until every one is committed.</summary>
    private static async Task<PhaseResult> RunPhaseAsync(IBusControl bus, IDocumentStore store, CommitClock clock, Phase phase, List<(TrackingEventObserved Scan, Guid ShipmentId)> batch)
    {
        var published = new long[batch.Count];
        var inFlight = new SemaphoreSlim(2_000);
        var failures = 0;
        var polled = new Latencies();
        var pollers = new List<Task>();
        var activePollers = 0;
        var start = Stopwatch.GetTimestamp();
        var next = 0;
        while (next < batch.Count)
        {
            var due = double.IsPositiveInfinity(phase.Rate) ? batch.Count : Math.Min(batch.Count, (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * phase.Rate) + 1);
            for (; next < due; next++)
            {
                await inFlight.WaitAsync();
                var (scan, shipmentId) = batch[next];
                published[next] = Stopwatch.GetTimestamp();
                var publishing = bus.Publish(scan);
                _ = publishing.ContinueWith(t =>
                {
                    inFlight.Release();
                    if (t.IsFaulted)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }, TaskScheduler.Default);

                // Now and then a scan is also watched the slow way: polling the read model until it shows the scan. At most
                // two at a time, so the check neither loads the database nor takes the consumer's connections.
                if (next % 100 == 50 && Volatile.Read(ref activePollers) < 2)
                {
                    Interlocked.Increment(ref activePollers);
                    pollers.Add(PollUntilVisibleAsync(store, scan, shipmentId, published[next], polled)
                        .ContinueWith(_ => Interlocked.Decrement(ref activePollers), TaskScheduler.Default));
                }
            }

            if (next < batch.Count)
            {
                await Task.Delay(1);
            }
        }

        var publishedIn = Stopwatch.GetElapsedTime(start);
        var committedByEnd = batch.Count(b => clock.TryGet(b.Scan.EventId, out _));
        var endOfPublishing = Stopwatch.GetTimestamp();

        // Drain: wait until every scan of the phase is committed, or nothing moves for 30 s.
        var lastCount = -1;
        var lastProgress = Stopwatch.GetTimestamp();
        int committed;
        while ((committed = batch.Count(b => clock.TryGet(b.Scan.EventId, out _))) < batch.Count)
        {
            if (committed != lastCount)
            {
                lastCount = committed;
                lastProgress = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastProgress) > TimeSpan.FromSeconds(30))
            {
                break;
            }

            await Task.Delay(50);
        }

        var drain = Stopwatch.GetElapsedTime(endOfPublishing);
        await Task.WhenAll(pollers);

        var latency = new Latencies();
        long firstCommit = long.MaxValue, lastCommit = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (clock.TryGet(batch[i].Scan.EventId, out var at))
            {
                latency.Add(Stopwatch.GetElapsedTime(published[i], at).TotalMilliseconds);
                firstCommit = Math.Min(firstCommit, at);
                lastCommit = Math.Max(lastCommit, at);
            }
        }

        // Committed rate: scans stored per second, from the first publish to the last commit.
        var span = Stopwatch.GetElapsedTime(start, lastCommit).TotalSeconds;
        var result = new PhaseResult(phase, batch.Count, batch.Count / publishedIn.TotalSeconds, latency.Count / span,
            batch.Count - committedByEnd, drain, latency, batch.Count - latency.Count + failures);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  polled read model for {polled.Count} sampled scans: p50 {polled.Percentile(50):F1} ms, p99 {polled.Percentile(99):F1} ms (publish → seen by a query polling every 10 ms)"));
        return result;
    }

    private static async Task PollUntilVisibleAsync(IDocumentStore store, TrackingEventObserved scan, Guid shipmentId, long publishedAt, Latencies polled)
    {
        var deadline = publishedAt + Stopwatch.Frequency * 60;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            await using (var session = store.QuerySession(scan.TenantId))
            {
                var view = await session.LoadAsync<ShipmentView>(shipmentId);
                if (view?.Events.Any(e => e.EventId == scan.EventId) == true)
                {
                    polled.AddSince(publishedAt);
                    return;
                }
            }

            await Task.Delay(10);
        }
    }

    /// <summary>After the run: a sample of shipments' read models must hold exactly the scans the commit clock saw.</summary>
    private static async Task<string> VerifyAsync(IDocumentStore store, CommitClock clock, List<GeneratedOrder> orders)
    {
        var random = new Random(4);
        int checkedScans = 0, missing = 0;
        foreach (var order in Enumerable.Range(0, 300).Select(_ => orders[random.Next(orders.Count)]))
        {
            await using var session = store.QuerySession(order.Tenant);
            foreach (var shipment in order.Shipments)
            {
                var view = await session.LoadAsync<ShipmentView>(shipment.ShipmentId(order.OrderNumber));
                var shown = view?.Events.Select(e => e.EventId).ToHashSet() ?? [];
                foreach (var scan in shipment.Journey.Where(s => clock.TryGet(s.EventId, out _)))
                {
                    checkedScans++;
                    missing += shown.Contains(scan.EventId) ? 0 : 1;
                }
            }
        }

        return $"{checkedScans:N0} committed scans of 300 random orders checked in `ShipmentView`: {missing} missing.";
    }

    private static void Register(IDocumentSession session, GeneratedOrder order)
    {
        var shipments = order.Shipments.Select(s => new OrderShipment(s.ShipmentId(order.OrderNumber), s.Carrier, s.TrackingNumber)).ToList();
        session.Events.StartStream(order.OrderId, new OrderRegistered(order.OrderNumber, order.Customer, order.PromisedDeliveryDate, shipments, order.RegisteredAt));
        foreach (var shipment in shipments)
        {
            session.Events.StartStream<Shipment>(shipment.ShipmentId, ShipmentDecider.Open(new ShipmentOpened(
                shipment.ShipmentId, order.OrderNumber, shipment.Carrier, shipment.TrackingNumber, order.PromisedDeliveryDate, order.RegisteredAt,
                order.Customer.TimeZone)));
        }
    }

    /// <summary>The order moved in time so that it was registered within the last day and its promise is still ahead (no time-based delays).</summary>
    private static GeneratedOrder ShiftedTo(GeneratedOrder order, DateOnly today)
    {
        var days = today.DayNumber - DateOnly.FromDateTime(order.RegisteredAt.UtcDateTime).DayNumber - 1;
        var shift = TimeSpan.FromDays(days);
        return order with
        {
            RegisteredAt = order.RegisteredAt + shift,
            PromisedDeliveryDate = order.PromisedDeliveryDate.AddDays(days),
            Shipments = order.Shipments.Select(s => s with
            {
                Journey = s.Journey.Select(scan => scan with
                {
                    EventId = StableIds.ForCarrierScan(scan.Carrier, scan.TrackingNumber, scan.OccurredAt + shift, scan.RawCode),
                    OccurredAt = scan.OccurredAt + shift,
                    ObservedAt = scan.ObservedAt + shift,
                    CarrierEstimate = scan.CarrierEstimate is { } e ? e with { Date = e.Date.AddDays(days) } : null,
                }).ToList(),
            }).ToList(),
        };
    }

    private static async Task WaitForDaemonAsync(string connection, TimeSpan timeout)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        while (Stopwatch.GetTimestamp() < until)
        {
            await using var command = new NpgsqlCommand($"""
                SELECT (SELECT coalesce(max(seq_id), 0) FROM {Schema}.mt_events)
                     - (SELECT coalesce(min(last_seq_id), 0) FROM {Schema}.mt_event_progression WHERE name LIKE '%:All')
                """, db);
            if ((long)(await command.ExecuteScalarAsync())! <= 0)
            {
                return;
            }

            await Task.Delay(500);
        }

        Console.WriteLine("The async daemon did not catch up in time; measuring anyway.");
    }

    private static string Describe(PhaseResult r) => string.Create(CultureInfo.InvariantCulture,
        $"| {r.Phase.Name} | {r.Published:N0} | {r.OfferedRate:N0}/s | **{r.CommittedRate:N0}/s** | {r.BacklogAtEnd:N0} | {r.Drain.TotalSeconds:F1} s | {r.Latency.Percentile(50):F1} ms | {r.Latency.Percentile(95):F1} ms | **{r.Latency.Percentile(99):F1} ms** | {r.Latency.Max:F0} ms | {r.Lost} | {r.RoundTripsPerScan:F1} | {r.CpuMsPerScan:F2} ms | {r.PostgresCpuMsPerScan:F2} ms | {r.RabbitMqCpuMsPerScan:F2} ms |");

    /// <summary>CPU the host, PostgreSQL and RabbitMQ use while no scan arrives (daemon polling, timers): a floor under every phase.</summary>
    private static async Task<string> AtRestAsync(TimeSpan span)
    {
        var process = Process.GetCurrentProcess().TotalProcessorTime;
        var servers = ServerCpu.Now();
        await Task.Delay(span);
        var used = ServerCpu.Now() - servers;
        var own = Process.GetCurrentProcess().TotalProcessorTime - process;
        return string.Create(CultureInfo.InvariantCulture,
            $"At rest ({span.TotalSeconds:F0} s, no scans): Timeline {own.TotalMilliseconds / span.TotalMilliseconds * 100:F0} % of a core, PostgreSQL {used.Postgres.TotalMilliseconds / span.TotalMilliseconds * 100:F0} %, RabbitMQ {used.RabbitMq.TotalMilliseconds / span.TotalMilliseconds * 100:F0} %.");
    }

    private static string Report(Machine machine, int shipments, List<PhaseResult> results, string verified, TimeSpan setup, string atRest)
    {
        var report = new StringBuilder();
        report.AppendLine("## Ingest");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Run {machine.Describe(TimelineHost.Sharing)}");
        report.AppendLine();
        report.AppendLine(
            "Timeline hosted in-process as the designated instance (consumers, inline projections, async daemon with the order summary and the outbox subscription). " +
            string.Create(CultureInfo.InvariantCulture, $"{shipments:N0} shipments of 4 retailers registered first (the events `POST /api/orders` appends; {setup.TotalSeconds:N0} s including the daemon catching up). ") +
            "`TrackingEventObserved` published on RabbitMQ from a separate bus connection, round-robin over the shipments in journey order. " +
            "Latency: publish → commit of the transaction that stored the scan and its inline read models (a Marten session listener in the host). " +
            "Committed rate: scans stored per second from the first publish to the last commit of the phase. " +
            "CPU per scan: CPU time of the benchmark's process (Timeline with its daemon, and the publisher) per scan of the phase, and that of all PostgreSQL and RabbitMQ processes (whoever else uses them at the time too).");
        report.AppendLine();
        report.AppendLine("| phase | scans | offered | committed | backlog when publishing ended | drain | p50 | p95 | p99 | max | lost | DB round trips per scan | CPU per scan: Timeline + publisher | PostgreSQL | RabbitMQ |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            report.AppendLine(Describe(result));
        }

        report.AppendLine();
        var latencyRun = results.FirstOrDefault(r => r.Phase.Rate == 1_000);
        var best = results.Count == 0 ? 0 : results.Max(r => r.CommittedRate);
        if (latencyRun is not null)
        {
            var p99 = latencyRun.Latency.Percentile(99);
            report.AppendLine(CultureInfo.InvariantCulture, $"- p99 publish → visible at 1,000 scans/s: **{p99:F0} ms** (target < {LatencyTargetMs:N0} ms: {(p99 < LatencyTargetMs ? "met" : "NOT met")}).");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"- Highest committed rate: **{best:N0} scans/s** (target 5,000/s sustained: {(best >= ThroughputTarget ? "met" : "NOT met")}).");
        report.AppendLine($"- {atRest}");
        report.AppendLine($"- {verified}");
        report.AppendLine($"- Load average at the end: {Machine.LoadAverageNow()}.");
        return report.ToString();
    }
}
