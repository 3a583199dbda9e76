using Marten;
using Marten.Linq;
using Npgsql;
using Shipping.Contracts;
using Shipping.Timeline.ReadSide.OrderSummaries;
using Shipping.Timeline.ReadSide.Searching;
using Shipping.Timeline.Shipments;
using Shipping.Timeline.Timelines.Rows;
using Shipping.Timeline.Tests.Infrastructure;

namespace Shipping.Timeline.Tests.ReadSide;

/// <summary>
/// How the read models written with every scan are stored: the shipment view's lookup keys, the timeline rows' keys and
/// the order summary's search keys in columns of their own, and a long timeline compressed with lz4.
/// </summary>
[Collection(TimelineCollection.Name)]
public sealed class ShipmentViewStorageTests(TimelineHost host)
{
    [Fact]
    public async Task ALongTimeline_IsCompressedWithLz4_AndTheLookupKeysHaveTheirOwnColumns()
    {
        var trackingNumber = $"JJD{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";
        var view = new ShipmentView
        {
            Id = Guid.NewGuid(),
            OrderNumber = $"STORE-{Guid.NewGuid():N}"[..20],
            Carrier = "dhl",
            TrackingNumber = trackingNumber,
            Events = Enumerable.Range(0, 40)
                .Select(i => new TimelineEntry(Guid.NewGuid(), TrackingStatus.InTransit, TrackingSubstatus.Unspecified, $"CODE{i}",
                    $"Scan number {i}: the parcel was processed at the parcel centre {Guid.NewGuid()}", DateTimeOffset.UtcNow.AddHours(-i), null, null))
                .ToList(),
        };
        await using (var session = host.Store.LightweightSession("acme"))
        {
            session.Store(view);
            await session.SaveChangesAsync();
        }

        await using var connection = host.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select pg_column_compression(data), tracking_number, order_number, carrier from {host.Store.Options.DatabaseSchemaName}.mt_doc_shipmentview where tenant_id = 'acme' and id = @id",
            connection);
        command.Parameters.AddWithValue("id", view.Id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("lz4", reader.GetString(0));
        Assert.Equal((trackingNumber, view.OrderNumber, "dhl"), (reader.GetString(1), reader.GetString(2), reader.GetString(3)));
    }

    [Fact]
    public async Task SearchKeys_HaveTheirOwnColumn_AndSearchIsAnsweredByTheirIndex()
    {
        var summary = new OrderSummaryView { Id = Guid.NewGuid(), OrderNumber = $"STORE-{Guid.NewGuid():N}"[..20], Email = "erika@example.com" };
        summary.RefreshSearchKeys();
        await using (var session = host.Store.LightweightSession("acme"))
        {
            session.Store(summary);
            await session.SaveChangesAsync();
        }

        var keys = await ColumnAsync<string[]>("mt_doc_ordersummaryview", "search_keys", summary.Id);
        Assert.Equal(summary.SearchKeys, keys);

        await using var query = host.Store.QuerySession("acme");
        var key = SearchKeys.Email("Erika@Example.com");
        var search = SearchEndpoint.Matching(query, key);
        Assert.Equal(summary.Id, Assert.Single(await search.ToListAsync()).Id);

        // The search's condition is containment, which the GIN index over the keys answers (`key = ANY(search_keys)`,
        // what LINQ's SearchKeys.Contains(key) becomes, is answered by no index: every summary of the store is read).
        Assert.Contains("d.search_keys @> ARRAY[", search.ToCommand(FetchType.FetchMany).CommandText);
        var table = $"{host.Store.Options.DatabaseSchemaName}.mt_doc_ordersummaryview";
        var plan = await PlanAsync(new NpgsqlCommand($"SELECT id FROM {table} WHERE search_keys @> ARRAY[@key]") { Parameters = { new("key", key) } });
        Assert.Contains("mt_doc_ordersummaryview_idx_search_keys", plan);
        var unindexed = await PlanAsync(new NpgsqlCommand($"SELECT id FROM {table} WHERE @key = ANY(search_keys)") { Parameters = { new("key", key) } });
        Assert.DoesNotContain("mt_doc_ordersummaryview_idx_search_keys", unindexed);
    }

    /// <summary>The plan of a query with sequential scans priced out: what an index can answer, it does.</summary>
    private async Task<string> PlanAsync(NpgsqlCommand command)
    {
        await using var connection = host.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        command.Connection = connection;
        command.CommandText = "EXPLAIN " + command.CommandText;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    [Fact]
    public void MartensConnections_PrepareRepeatedStatements_AndAreNotResetWhenHandedBack()
    {
        using var connection = host.Store.Storage.Database.CreateConnection();

        var settings = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal(200, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.True(settings.NoResetOnClose);
    }

    [Theory]
    [InlineData("mt_doc_shipmentview")]
    [InlineData("mt_doc_ordersummaryview")]
    [InlineData("mt_streams")]
    public async Task TablesRewrittenByEveryScan_KeepRoomForUpdatesInPlace(string table)
    {
        await using var connection = host.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select reloptions from pg_class where oid = to_regclass(@table)", connection);
        command.Parameters.AddWithValue("table", $"{host.Store.Options.DatabaseSchemaName}.{table}");

        Assert.Contains("fillfactor=70", Assert.IsType<string[]>(await command.ExecuteScalarAsync()));
    }

    [Fact]
    public async Task TimelineRows_KeepTheirShipmentAndOrderInColumnsOfTheirOwn()
    {
        var row = new TimelineRow { Id = Guid.NewGuid(), ShipmentId = Guid.NewGuid(), OrderId = Guid.NewGuid(), At = DateTimeOffset.UtcNow, Summary = "x" };
        await using (var session = host.Store.LightweightSession("acme"))
        {
            session.Store(row);
            await session.SaveChangesAsync();
        }

        Assert.Equal(row.ShipmentId, await ColumnAsync<Guid>("mt_doc_timelinerow", "shipment_id", row.Id));
        Assert.Equal(row.OrderId, await ColumnAsync<Guid>("mt_doc_timelinerow", "order_id", row.Id));
    }

    private async Task<T> ColumnAsync<T>(string table, string column, Guid id)
    {
        await using var connection = host.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select {column} from {host.Store.Options.DatabaseSchemaName}.{table} where tenant_id = 'acme' and id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
