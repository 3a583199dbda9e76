using Marten;
using Npgsql;
using Shipping.Contracts;
using Shipping.Timeline.Shipments;
using Shipping.Timeline.Tests.Infrastructure;

namespace Shipping.Timeline.Tests.ReadSide;

/// <summary>How the shipment view, rewritten on every scan, is stored: its lookup keys in columns of their own, and a long timeline compressed with lz4.</summary>
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
            $"select pg_column_compression(data), tracking_number, order_number from {host.Store.Options.DatabaseSchemaName}.mt_doc_shipmentview where tenant_id = 'acme' and id = @id",
            connection);
        command.Parameters.AddWithValue("id", view.Id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("lz4", reader.GetString(0));
        Assert.Equal((trackingNumber, view.OrderNumber), (reader.GetString(1), reader.GetString(2)));
    }
}
