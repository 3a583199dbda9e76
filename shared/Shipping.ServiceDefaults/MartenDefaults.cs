using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Weasel.Core;

namespace Shipping.ServiceDefaults;

public static class MartenDefaults
{
    /// <summary>
    /// Marten on <c>ConnectionStrings:Postgres</c>, in the service's own schema (<c>Marten:Schema</c> overrides it,
    /// which is how tests get a fresh schema each). JSON through System.Text.Json with enums as their names.
    /// The async daemon runs in <c>Solo</c> mode unless <c>Marten:Daemon</c> is <c>Disabled</c>: exactly one
    /// instance of each service runs projections and subscriptions (see DESIGN.md, HotCold is unavailable).
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddShippingMarten(
        this IHostApplicationBuilder builder, string defaultSchema, Action<StoreOptions> configure)
    {
        var connectionString = ForMarten(builder.Configuration.GetRequiredConnectionString("Postgres"), builder.Configuration["Marten:ToastCompression"]);
        var schema = builder.Configuration["Marten:Schema"] ?? defaultSchema;

        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "postgres", _ => new PostgresHealthCheck(connectionString), HealthStatus.Unhealthy,
            [ServiceDefaultsExtensions.ReadyTag], TimeSpan.FromSeconds(5)));

        var marten = builder.Services.AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = schema;
                options.Events.DatabaseSchemaName = schema;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                configure(options);
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();

        // Failed commands without their parameter values; concurrency conflicts, which are retried, not as errors.
        builder.Services.ConfigureMarten((services, options) =>
            options.Logger(new MartenCommandLogger(services.GetRequiredService<ILogger<MartenCommandLogger>>())));

        if (!string.Equals(builder.Configuration["Marten:Daemon"], "Disabled", StringComparison.OrdinalIgnoreCase))
        {
            marten.AddAsyncDaemon(DaemonMode.Solo);
        }

        return marten;
    }

    /// <summary>
    /// The connection string Marten's sessions use.
    /// <list type="bullet">
    /// <item>Documents and events larger than about 2 KB (a shipment's view with its timeline, an order's summary) are
    /// compressed by PostgreSQL. <c>lz4</c> (the default here; <c>Marten:ToastCompression</c>, empty for the server's own
    /// default, usually <c>pglz</c>) costs a fraction of the CPU of <c>pglz</c> on every write and read of such a row.
    /// PostgreSQL 14 and later built with lz4, as Debian's and the official images are, accept it.</item>
    /// <item>A pooled connection is not reset (<c>DISCARD ALL</c>, one more round trip) each time a session hands it
    /// back: Marten's sessions leave no session state behind. A connection string that says otherwise wins.</item>
    /// <item>Statements sent more than once on a connection are prepared (Npgsql's automatic preparation, up to 200 per
    /// connection): PostgreSQL then parses and plans Marten's few statement shapes (appending events, upserting a view,
    /// loading a stream) once per connection instead of on every call, which was about half of its CPU per scan. A
    /// connection string that sets <c>Max Auto Prepare</c> wins (0 turns it off, e.g. behind a transaction-pooling
    /// PgBouncer older than 1.21).</item>
    /// </list>
    /// </summary>
    internal static string ForMarten(string connectionString, string? toastCompression)
    {
        var method = toastCompression ?? "lz4";
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        if (method.Length > 0 && !(csb.Options ?? "").Contains("default_toast_compression", StringComparison.Ordinal))
        {
            csb.Options = $"{csb.Options} -c default_toast_compression={method}".Trim();
        }

        if (!Sets(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            csb.MaxAutoPrepare = 200;
            csb.AutoPrepareMinUsages = 2;
        }

        if (!Sets(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            csb.NoResetOnClose = true;
        }

        return csb.ConnectionString;
    }

    /// <summary>Whether the connection string names the setting (any of its spellings) itself, whatever the value.</summary>
    private static bool Sets(string connectionString, params string[] keywords) =>
        keywords.Any(k => connectionString.Contains(k, StringComparison.OrdinalIgnoreCase));

    public static string GetRequiredConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"ConnectionStrings:{name} is not configured. Set the environment variable ConnectionStrings__{name} " +
                "(deploy/local/infra-up.sh writes it to its infra.env).");

    private sealed class PostgresHealthCheck(string connectionString) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", exception);
            }
        }
    }
}
