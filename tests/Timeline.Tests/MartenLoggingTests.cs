using JasperFx;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;
using Shipping.ServiceDefaults;
using Shipping.Testing;
using Shipping.Timeline.Tests.Infrastructure;

namespace Shipping.Timeline.Tests;

/// <summary>
/// Marten's commands as the services log them (<see cref="MartenCommandLogger"/>), against the real database: a lost
/// optimistic race, which the consumers retry, is not logged as an error (it was, with every parameter value, by
/// Marten's default logger).
/// </summary>
[Collection(TimelineCollection.Name)]
public sealed class MartenLoggingTests(TimelineHost host)
{
    [Fact]
    public void TheServiceStore_LogsThroughTheCommandLogger()
    {
        Assert.IsType<MartenCommandLogger>(host.Store.Options.Logger());
    }

    [Fact]
    public async Task ALostOptimisticRace_IsLoggedAtDebug_NotAsAnError()
    {
        var log = new CapturedLog();
        var schema = $"it_logging_{Guid.NewGuid():N}"[..24];
        await using var store = DocumentStore.For(options =>
        {
            options.Connection(LocalInfrastructure.Postgres);
            options.DatabaseSchemaName = schema;
            options.Projections.LiveStreamAggregation<Counter>();
            options.Logger(new MartenCommandLogger(log));
        });
        try
        {
            var id = Guid.NewGuid();
            await using (var opening = store.LightweightSession())
            {
                opening.Events.StartStream<Counter>(id, new Counted(1));
                await opening.SaveChangesAsync();
            }

            await using var loser = store.LightweightSession();
            var stream = await loser.Events.FetchForWriting<Counter>(id);
            await using (var winner = store.LightweightSession())
            {
                (await winner.Events.FetchForWriting<Counter>(id)).AppendOne(new Counted(2));
                await winner.SaveChangesAsync();
            }

            stream.AppendOne(new Counted(3));
            await Assert.ThrowsAnyAsync<ConcurrencyException>(() => loser.SaveChangesAsync());

            // Marten may still be logging from a background task (its schema work): assert on a copy.
            var entries = log.Snapshot();
            Assert.Contains(entries, e => e.Level == LogLevel.Debug && e.Message.Contains("optimistic-concurrency", StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(LocalInfrastructure.Postgres);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    public sealed record Counted(int Value);

    public sealed record Counter(Guid Id, int Total)
    {
        public static Counter Create(Counted e) => new(Guid.Empty, e.Value);

        public Counter Apply(Counted e) => this with { Total = Total + e.Value };
    }

    private sealed class CapturedLog : ILogger<MartenCommandLogger>
    {
        private readonly List<(LogLevel Level, string Message)> _entries = [];

        public List<(LogLevel Level, string Message)> Snapshot()
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_entries)
            {
                _entries.Add((logLevel, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
            }
        }
    }
}
