using System.Diagnostics;
using JasperFx.Events;
using Marten;
using Npgsql;
using Shipping.Contracts;
using Shipping.Timeline.Orders;
using Shipping.Timeline.ReadSide.OrderSummaries;
using Shipping.Timeline.Shipments;
using Shipping.Timeline.Timelines.Rows;
using Weasel.Core;

namespace Shipping.Timeline.Benchmarks.Seeding;

/// <summary>
/// Seeds a Timeline schema with generated orders, as the running service would have stored them: every shipment's
/// events are decided by the real <see cref="ShipmentDecider"/> from its journey of scans (10 stored events per
/// shipment stream, plus one per order stream), and the read models (<see cref="ShipmentView"/>,
/// <see cref="OrderDetails"/>, <see cref="TimelineRow"/>, <see cref="OrderSummaryView"/>) are built by the real
/// projection classes' own Create/Apply methods. Only the storing differs from the service: PostgreSQL COPY through
/// Marten's bulk inserts (<c>BulkInsertEventsAsync</c>, <c>BulkInsertAsync</c>) instead of one session per command.
/// </summary>
public sealed class Seeder(IDocumentStore store, string connectionString, string schema)
{
    public const int EventsPerShipment = 10;
    private const int OrdersPerChunk = 2_000;

    private readonly ShipmentViewProjection _shipmentViews = new();
    private readonly TimelineRowProjection _timelineRows = new();
    private readonly OrderSummaryProjection _orderSummaries = new();

    public sealed record Counts(long Orders, long Shipments, long Events, long TimelineRows);

    /// <summary>The seeded size, or null when the schema holds no completed seed.</summary>
    /// <summary>Which storage layout a seed was written in; change it whenever a read model's columns or indexes change.</summary>
    public const string Layout = "2026-12-02: key columns on shipment view, timeline rows and order summary";

    public static async Task<int?> SeededShipmentsAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand($"SELECT to_regclass('{schema}.benchmark_seed') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return null;
        }

        // A seed of another storage layout (columns and indexes of the read models) is not reused: it would lack columns.
        await using var read = new NpgsqlCommand(
            $"SELECT shipments FROM {schema}.benchmark_seed WHERE completed_at IS NOT NULL AND to_jsonb(benchmark_seed) ->> 'layout' = '{Layout}'", connection);
        return await read.ExecuteScalarAsync() is int shipments ? shipments : null;
    }

    /// <summary>
    /// What autovacuum would have done by now on a live system, done at once after loading in bulk rather than in the
    /// middle of a measurement: statistics for the planner, the visibility map, and the GIN index's pending list merged
    /// (a search would otherwise read the whole pending list). Every table of the schema.
    /// </summary>
    public static async Task VacuumAsync(NpgsqlConnection connection, string schema, CancellationToken ct = default)
    {
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = @schema", connection))
        {
            list.Parameters.AddWithValue("schema", schema);
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) {schema}.{table}", connection) { CommandTimeout = 3600 };
            await vacuum.ExecuteNonQueryAsync(ct);
        }
    }

    public static async Task DropAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection) { CommandTimeout = 600 };
        await drop.ExecuteNonQueryAsync();
    }

    public async Task<Counts> SeedAsync(int shipments, CancellationToken ct)
    {
        var orders = OrderGenerator.Orders(shipments).Chunk(OrdersPerChunk);
        long orderCount = 0, shipmentCount = 0, eventCount = 0, rowCount = 0;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;

        // Two chunks at once: one core builds and serialises while PostgreSQL copies the other.
        await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (chunk, token) =>
        {
            var counts = await SeedChunkAsync(chunk, token);
            Interlocked.Add(ref orderCount, counts.Orders);
            var done = Interlocked.Add(ref shipmentCount, counts.Shipments);
            Interlocked.Add(ref eventCount, counts.Events);
            Interlocked.Add(ref rowCount, counts.TimelineRows);
            lock (clock)
            {
                if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(15))
                {
                    lastReport = clock.Elapsed;
                    Console.WriteLine($"  seeded {done:N0} / {shipments:N0} shipments in {clock.Elapsed:mm\\:ss} ({done / clock.Elapsed.TotalSeconds:N0}/s)");
                }
            }
        });

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await VacuumAsync(connection, schema, ct);

        await using var mark = new NpgsqlCommand($"""
            CREATE TABLE IF NOT EXISTS {schema}.benchmark_seed (shipments int NOT NULL, orders int NOT NULL, events bigint NOT NULL, completed_at timestamptz, layout text);
            DELETE FROM {schema}.benchmark_seed;
            INSERT INTO {schema}.benchmark_seed VALUES ({shipments}, {orderCount}, {eventCount}, now(), '{Layout}');
            """, connection);
        await mark.ExecuteNonQueryAsync(ct);
        return new Counts(orderCount, shipmentCount, eventCount, rowCount);
    }

    private async Task<Counts> SeedChunkAsync(GeneratedOrder[] chunk, CancellationToken ct)
    {
        long shipments = 0, events = 0, rows = 0;
        foreach (var tenant in chunk.GroupBy(o => o.Tenant))
        {
            var streams = new List<StreamAction>();
            var shipmentViews = new List<ShipmentView>();
            var orderDetails = new List<OrderDetails>();
            var summaries = new List<OrderSummaryView>();
            var timelineRows = new List<TimelineRow>();
            foreach (var order in tenant)
            {
                var built = Build(order);
                streams.AddRange(built.Streams);
                shipmentViews.AddRange(built.ShipmentViews);
                orderDetails.Add(built.Order);
                summaries.Add(built.Summary);
                timelineRows.AddRange(built.Rows);
                shipments += built.ShipmentViews.Count;
                events += built.Streams.Sum(s => s.Events.Count);
            }

            rows += timelineRows.Count;
            await store.BulkInsertEventsAsync(tenant.Key, streams, 5_000, ct);
            await store.BulkInsertAsync(tenant.Key, shipmentViews, BulkInsertMode.InsertsOnly, 2_000, ct);
            await store.BulkInsertAsync(tenant.Key, orderDetails, BulkInsertMode.InsertsOnly, 2_000, ct);
            await store.BulkInsertAsync(tenant.Key, summaries, BulkInsertMode.InsertsOnly, 2_000, ct);
            await store.BulkInsertAsync(tenant.Key, timelineRows, BulkInsertMode.InsertsOnly, 5_000, ct);
        }

        return new Counts(chunk.Length, shipments, events, rows);
    }

    private sealed record BuiltOrder(
        List<StreamAction> Streams, List<ShipmentView> ShipmentViews, OrderDetails Order, OrderSummaryView Summary, List<TimelineRow> Rows);

    /// <summary>One order as POST /api/orders and the scans of its shipments would have left it.</summary>
    private BuiltOrder Build(GeneratedOrder order)
    {
        var registry = (IEventRegistry)((DocumentStore)store).Options.Events;
        var orderShipments = order.Shipments
            .Select(s => new OrderShipment(s.ShipmentId(order.OrderNumber), s.Carrier, s.TrackingNumber))
            .ToList();
        var registered = new OrderRegistered(order.OrderNumber, order.Customer, order.PromisedDeliveryDate, orderShipments, order.RegisteredAt);
        var orderStream = StreamAction.Start(registry, order.OrderId, registered);
        Stamp(orderStream.Events[0], order.OrderId, 1, order.Tenant, order.RegisteredAt);

        var details = OrderDetailsProjection.Create(registered);
        details.Id = order.OrderId;
        details.Version = 1;

        var summary = new OrderSummaryView { Id = order.OrderId };
        _orderSummaries.Apply(registered, summary);

        var streams = new List<StreamAction> { orderStream };
        var views = new List<ShipmentView>();
        var rows = new List<TimelineRow>();
        foreach (var (generated, shipment) in order.Shipments.Zip(orderShipments))
        {
            var decided = Decide(order, generated, shipment.ShipmentId);
            var stream = StreamAction.Start(registry, shipment.ShipmentId, decided.Select(d => d.Data).ToArray());
            ShipmentView? view = null;
            for (var i = 0; i < stream.Events.Count; i++)
            {
                var e = stream.Events[i];
                Stamp(e, shipment.ShipmentId, i + 1, order.Tenant, decided[i].RecordedAt);
                view = e.Data is ShipmentOpened opened ? ShipmentViewProjection.Create(opened) : ApplyTo(view!, e.Data);
                if (Row(e) is { } row)
                {
                    rows.Add(row);
                }

                ApplyTo(summary, e);
            }

            view!.TenantId = order.Tenant;
            views.Add(view);
            streams.Add(stream);
        }

        return new BuiltOrder(streams, views, details, summary, rows);
    }

    private static void Stamp(IEvent e, Guid streamId, long version, string tenant, DateTimeOffset recordedAt)
    {
        e.StreamId = streamId;
        e.Version = version;
        e.TenantId = tenant;
        e.Id = Guid.CreateVersion7(recordedAt);
        e.Timestamp = recordedAt.ToUniversalTime();
    }

    private sealed record Decided(object Data, DateTimeOffset RecordedAt);

    /// <summary>
    /// The shipment's stored events, decided from its journey by the service's own decider: opened as registration
    /// opens it, then scan after scan while the stream stays within <see cref="EventsPerShipment"/> events; a stream
    /// still short of that is completed with late, older in-transit scans (each recorded in its place, one event each).
    /// </summary>
    private static List<Decided> Decide(GeneratedOrder order, GeneratedShipment generated, Guid shipmentId)
    {
        var opened = new ShipmentOpened(shipmentId, order.OrderNumber, generated.Carrier, generated.TrackingNumber, order.PromisedDeliveryDate,
            order.RegisteredAt, order.Customer.TimeZone);
        var events = ShipmentDecider.Open(opened).Select(e => new Decided(e, order.RegisteredAt)).ToList();
        var state = events.Aggregate((Shipment?)null, (s, e) => s is null ? Shipment.Create((ShipmentOpened)e.Data) : Fold(s, e.Data))!;

        var scans = new Queue<TrackingEventObserved>(generated.Journey);
        var first = generated.Journey[0];
        var late = 0;
        while (events.Count < EventsPerShipment)
        {
            TrackingEventObserved scan;
            if (scans.Count > 0)
            {
                scan = scans.Dequeue();
            }
            else if (++late <= 20)
            {
                // A late, older scan: between the first two of the journey, reported after the fact.
                var at = first.OccurredAt.AddMinutes(7 * late);
                var code = $"{generated.Carrier.ToUpperInvariant()}-SC";
                scan = first with
                {
                    EventId = StableIds.ForCarrierScan(first.Carrier, first.TrackingNumber, at, code),
                    OccurredAt = at,
                    RawCode = code,
                    RawDescription = "Scanned at the origin facility",
                    Status = TrackingStatus.InTransit,
                    Substatus = TrackingSubstatus.Processing,
                    CarrierEstimate = null,
                    ObservedAt = first.ObservedAt.AddHours(30 + late),
                };
            }
            else
            {
                break;
            }

            var decided = ShipmentDecider.RecordCarrierEvent(state, scan, scan.ObservedAt);
            if (decided.Count == 0 || events.Count + decided.Count > EventsPerShipment)
            {
                continue;
            }

            foreach (var e in decided)
            {
                events.Add(new Decided(e, scan.ObservedAt));
                state = Fold(state, e);
            }
        }

        return events;
    }

    private static Shipment Fold(Shipment state, object e) => e switch
    {
        CarrierEventRecorded x => state.Apply(x),
        CarrierEstimateRevised x => state.Apply(x),
        DelayDetected x => state.Apply(x),
        StatusChanged x => state.Apply(x),
        ExpectedDeliveryRevised x => state.Apply(x),
        ShipmentCancelled x => state.Apply(x),
        _ => state,
    };

    private ShipmentView ApplyTo(ShipmentView view, object e)
    {
        switch (e)
        {
            case CarrierEventRecorded x: _shipmentViews.Apply(x, view); break;
            case CarrierEstimateRevised x: _shipmentViews.Apply(x, view); break;
            case ExpectedDeliveryRevised x: _shipmentViews.Apply(x, view); break;
            case DelayDetected x: _shipmentViews.Apply(x, view); break;
            case ShipmentCancelled x: _shipmentViews.Apply(x, view); break;
        }

        return view;
    }

    private void ApplyTo(OrderSummaryView summary, IEvent e)
    {
        switch (e)
        {
            case IEvent<ShipmentOpened> x: _orderSummaries.Apply(x.Data, summary); break;
            case IEvent<StatusChanged> x: _orderSummaries.Apply(x, summary); break;
            case IEvent<CarrierEstimateRevised> x: _orderSummaries.Apply(x, summary); break;
            case IEvent<DelayDetected> x: _orderSummaries.Apply(x, summary); break;
        }
    }

    private TimelineRow? Row(IEvent e) => e switch
    {
        IEvent<ShipmentOpened> x => _timelineRows.Create(x),
        IEvent<CarrierEventRecorded> x => _timelineRows.Create(x),
        IEvent<ExpectedDeliveryRevised> x => _timelineRows.Create(x),
        IEvent<DelayDetected> x => _timelineRows.Create(x),
        _ => null,
    };
}
