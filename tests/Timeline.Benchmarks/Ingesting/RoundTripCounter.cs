using Marten;
using Marten.Services;
using Npgsql;

namespace Shipping.Timeline.Benchmarks.Ingesting;

/// <summary>Counts the hosted Timeline's database round trips (one per command or batch Marten executes), for "round trips per scan".</summary>
public sealed class RoundTripCounter : IMartenLogger, IMartenSessionLogger
{
    private long _roundTrips;

    public long RoundTrips => Interlocked.Read(ref _roundTrips);

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql)
    {
    }

    public void LogSuccess(NpgsqlCommand command) => Interlocked.Increment(ref _roundTrips);

    public void LogSuccess(NpgsqlBatch batch) => Interlocked.Increment(ref _roundTrips);

    public void LogFailure(NpgsqlCommand command, Exception ex) => Interlocked.Increment(ref _roundTrips);

    public void LogFailure(NpgsqlBatch batch, Exception ex) => Interlocked.Increment(ref _roundTrips);

    public void LogFailure(Exception ex, string message)
    {
    }

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }
}
