using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Shipping.Carriers.Polling;

/// <summary>
/// When each watched parcel is next looked up, in PostgreSQL (table <c>poll_schedule</c> in the adapter's schema).
/// Due parcels are claimed with <c>FOR UPDATE SKIP LOCKED</c> and a lease, so replicas of one adapter never poll
/// the same parcel at once, and a restart picks up where it stopped (a crashed claim expires with its lease).
/// </summary>
public sealed class PollSchedule(string connectionString, string schema)
{
    public const string TableName = "poll_schedule";

    private string Table => $"{schema}.{TableName}";

    /// <summary>The table, created and migrated with the rest of the adapter's Marten schema.</summary>
    public static Table Definition(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("tracking_number").AsPrimaryKey();
        table.AddColumn("active", "boolean").NotNull().DefaultValueByExpression("true");
        table.AddColumn("next_poll_at", "timestamptz").NotNull();
        table.AddColumn("lease_until", "timestamptz");
        table.AddColumn<string>("leased_by");
        table.AddColumn("fetch_day", "date");
        table.AddColumn("fetches_today", "integer").NotNull().DefaultValueByExpression("0");
        table.AddColumn("quiet_polls", "integer").NotNull().DefaultValueByExpression("0");
        table.AddColumn("failures", "integer").NotNull().DefaultValueByExpression("0");
        table.AddColumn<string>("last_status");
        table.AddColumn("last_polled_at", "timestamptz");
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_due") { Columns = ["next_poll_at"], Predicate = "active" });
        return table;
    }

    /// <summary>SQL (Marten's '?' placeholders) that starts or resumes watching a parcel, first lookup at the given time.</summary>
    public string WatchSql =>
        $"insert into {Table} (tracking_number, active, next_poll_at) values (?, true, ?) " +
        "on conflict (tracking_number) do update set active = true, " +
        $"next_poll_at = least({Table}.next_poll_at, excluded.next_poll_at) where not {Table}.active";

    /// <summary>SQL (Marten's '?' placeholders) that stops polling a parcel (tracking number, last status).</summary>
    public string StopSql => $"update {Table} set active = false, last_status = ?, lease_until = null where tracking_number = ?";

    /// <summary>Claims up to <paramref name="batch"/> due parcels for <paramref name="owner"/> until now + <paramref name="lease"/>.</summary>
    public async Task<IReadOnlyList<ClaimedParcel>> ClaimDueAsync(string owner, int batch, TimeSpan lease, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"""
            with due as (
                select tracking_number from {Table}
                where active and next_poll_at <= @now and (lease_until is null or lease_until < @now)
                order by next_poll_at
                limit @batch
                for update skip locked)
            update {Table} p set lease_until = @until, leased_by = @owner
            from due where p.tracking_number = due.tracking_number
            returning p.tracking_number, p.last_status, p.fetch_day, p.fetches_today, p.quiet_polls, p.failures
            """, connection);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("until", now + lease);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("batch", batch);

        var claimed = new List<ClaimedParcel>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            claimed.Add(new ClaimedParcel(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5)));
        }

        return claimed;
    }

    /// <summary>Records a lookup's outcome and releases the claim.</summary>
    public async Task CompleteAsync(string owner, ClaimedParcel parcel, PollDecision decision, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"""
            update {Table} set next_poll_at = @next, active = @active, lease_until = null, leased_by = null,
                fetch_day = @day, fetches_today = @fetches, quiet_polls = @quiet, failures = @failures,
                last_status = coalesce(@status, last_status), last_polled_at = @now
            where tracking_number = @number and leased_by = @owner
            """, connection);
        command.Parameters.AddWithValue("next", decision.NextPollAt);
        command.Parameters.AddWithValue("active", decision.KeepWatching);
        command.Parameters.AddWithValue("day", decision.FetchDay);
        command.Parameters.AddWithValue("fetches", decision.FetchesToday);
        command.Parameters.AddWithValue("quiet", decision.QuietPolls);
        command.Parameters.AddWithValue("failures", decision.Failures);
        command.Parameters.Add(new NpgsqlParameter<string?>("status", decision.LastStatus));
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("number", parcel.TrackingNumber);
        command.Parameters.AddWithValue("owner", owner);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Hands back every claim of <paramref name="owner"/> (on a graceful stop), so another instance need not wait out the leases.</summary>
    public async Task ReleaseAsync(string owner, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"update {Table} set lease_until = null, leased_by = null where leased_by = @owner", connection);
        command.Parameters.AddWithValue("owner", owner);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Who holds a claim on the parcel now, if anyone (for tests and diagnostics).</summary>
    public async Task<string?> LeaseHolderAsync(string trackingNumber, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select leased_by from {Table} where tracking_number = @number", connection);
        command.Parameters.AddWithValue("number", trackingNumber);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>The schedule row of one parcel, for tests and diagnostics.</summary>
    public async Task<(bool Active, DateTimeOffset NextPollAt, int FetchesToday, string? LastStatus)?> FindAsync(string trackingNumber, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select active, next_poll_at, fetches_today, last_status from {Table} where tracking_number = @number", connection);
        command.Parameters.AddWithValue("number", trackingNumber);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? (reader.GetBoolean(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3))
            : null;
    }
}

/// <summary>A parcel claimed for one lookup, with its polling history.</summary>
public sealed record ClaimedParcel(string TrackingNumber, string? LastStatus, DateOnly? FetchDay, int FetchesToday, int QuietPolls, int Failures);

/// <summary>What to store after a lookup.</summary>
public sealed record PollDecision(
    DateTimeOffset NextPollAt, bool KeepWatching, DateOnly FetchDay, int FetchesToday, int QuietPolls, int Failures, string? LastStatus);
