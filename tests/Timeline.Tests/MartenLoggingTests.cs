using JasperFx;
using Marten;
using Microsoft.Extensions.Logging;
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
        await using var store = StoreLoggingTo(log);
        await store.Advanced.Clean.CompletelyRemoveAllAsync();
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
        try
        {
            await Assert.ThrowsAnyAsync<ConcurrencyException>(() => loser.SaveChangesAsync());

            Assert.Contains(log.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("optimistic-concurrency", StringComparison.Ordinal));
            Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
        }
        finally
        {
            await store.Advanced.Clean.CompletelyRemoveAllAsync();
        }
    }

    /// <summary>A store of the test's own (schema <c>it_logging</c>) that logs through a <see cref="MartenCommandLogger"/> into <paramref name="log"/>.</summary>
    private static DocumentStore StoreLoggingTo(ILogger<MartenCommandLogger> log) => DocumentStore.For(options =>
    {
        options.Connection(LocalInfrastructure.Postgres);
        options.DatabaseSchemaName = $"it_logging_{Guid.NewGuid():N}"[..24];
        options.Projections.LiveStreamAggregation<Counter>();
        options.Logger(new MartenCommandLogger(log));
    });

    public sealed record Counted(int Value);

    public sealed record Counter(Guid Id, int Total)
    {
        public static Counter Create(Counted e) => new(Guid.Empty, e.Value);

        public Counter Apply(Counted e) => this with { Total = Total + e.Value };
    }

    private sealed class CapturedLog : ILogger<MartenCommandLogger>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
            }
        }
    }
}
