using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Shipping.ServiceDefaults;

/// <summary>
/// Tables whose rows are rewritten over and over (a read model updated by every event, the event store's stream
/// versions) keep part of every page free, so PostgreSQL can put a row's new version next to the old one and update it
/// in place ("heap-only tuple"): none of the table's indexes gets a new entry, which is most of the cost of such an
/// update. Set at start-up, once Marten has created the tables; pages written before keep their old packing.
/// </summary>
public static class RoomForUpdates
{
    /// <param name="fillFactor">Percent of each page filled by new rows (PostgreSQL's <c>fillfactor</c>, 10–100).</param>
    /// <param name="eventStreams">Also the event store's <c>mt_streams</c>, whose version every append updates.</param>
    /// <param name="documentTypes">Marten document types whose tables get the room.</param>
    public static IHostApplicationBuilder ReserveRoomForUpdates(
        this IHostApplicationBuilder builder, int fillFactor, bool eventStreams, params Type[] documentTypes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fillFactor, 10);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fillFactor, 100);
        builder.Services.AddHostedService(sp => new Reserver(
            sp.GetRequiredService<IDocumentStore>(), fillFactor, eventStreams, documentTypes, sp.GetRequiredService<ILogger<Reserver>>()));
        return builder;
    }

    private sealed class Reserver(IDocumentStore store, int fillFactor, bool eventStreams, Type[] documentTypes, ILogger<Reserver> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var tables = documentTypes.Select(t => store.Options.Schema.For(t, true)).ToList();
            if (eventStreams)
            {
                tables.Add(store.Options.Schema.ForStreams(true));
            }

            var option = $"fillfactor={fillFactor}";
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            foreach (var table in tables)
            {
                // Only when it differs: ALTER TABLE takes a lock, which replicas starting together need not queue for.
                await using var read = new NpgsqlCommand("SELECT coalesce(reloptions, '{}') FROM pg_class WHERE oid = to_regclass(@table)", connection);
                read.Parameters.AddWithValue("table", table);
                switch (await read.ExecuteScalarAsync(cancellationToken))
                {
                    case string[] options when options.Contains(option):
                        continue;
                    case null:
                        // Marten's start-up (registered before this) creates the tables; one missing is a misconfiguration.
                        logger.LogWarning("Table {Table} does not exist; it gets no room for updates in place", table);
                        continue;
                }

                await using var alter = new NpgsqlCommand($"ALTER TABLE {table} SET ({option})", connection);
                await alter.ExecuteNonQueryAsync(cancellationToken);
                logger.LogInformation("Table {Table} keeps room for updates in place ({Option})", table, option);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
