using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Shipping.ServiceDefaults;

/// <summary>
/// How the services log Marten's commands. A failed command is logged with its SQL but never with its parameter values:
/// Marten's default logger prints them, and a value can be a customer's email or phone number (a search, an inbound SMS
/// looked up by its sender), which must never reach a log. An optimistic-concurrency conflict (another writer appended
/// to the stream first) is what a consumer retries, so it is logged at Debug rather than as an error. Only a retry that
/// gives up is an error, and the message bus logs that. Successful commands are logged at Trace, as SQL only.
/// </summary>
public sealed class MartenCommandLogger(ILogger<MartenCommandLogger> logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogInformation("Marten changed the database schema:\n{Sql}", sql);

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    public void LogSuccess(NpgsqlCommand command) => logger.LogTrace("Marten ran {Sql}", command.CommandText);

    public void LogSuccess(NpgsqlBatch batch)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            logger.LogTrace("Marten ran {Sql}", SqlOf(batch));
        }
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failed(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) => Failed(ex, SqlOf(batch));

    public void LogFailure(Exception ex, string message) => Failed(ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    /// <summary>
    /// Whether <paramref name="e"/> says another writer appended to the stream first: Marten's own concurrency
    /// exceptions, its append function's version check (<c>MT003</c>), or two appends racing for the same stream version.
    /// </summary>
    public static bool IsConcurrencyConflict(Exception e) => e switch
    {
        JasperFx.ConcurrencyException => true,
        PostgresException { SqlState: "MT003" } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } constraint }
            => constraint.StartsWith("pk_mt_events_stream_and_version", StringComparison.Ordinal),
        _ => e.InnerException is { } inner && IsConcurrencyConflict(inner),
    };

    private void Failed(Exception e, string sql)
    {
        if (IsConcurrencyConflict(e))
        {
            logger.LogDebug("Marten lost an optimistic-concurrency race ({Reason}); the caller retries:\n{Sql}", e.Message, sql);
            return;
        }

        logger.LogError(e, "Marten failed to run:\n{Sql}", sql);
    }

    private static string SqlOf(NpgsqlBatch batch) => string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText));
}
