using Npgsql;

namespace Shipping.Testing;

/// <summary>
/// A test class's own corner of the real infrastructure: a RabbitMQ virtual host and PostgreSQL schemas named after
/// a fresh run id, removed again at the end. Host services with <see cref="Settings"/> to use them.
/// </summary>
public sealed class TestInfrastructure : IAsyncDisposable
{
    private readonly List<string> _schemas = [];

    private TestInfrastructure(string run, RabbitMqVirtualHost vhost)
    {
        Run = run;
        VirtualHost = vhost;
    }

    public string Run { get; }

    public RabbitMqVirtualHost VirtualHost { get; }

    public static async Task<TestInfrastructure> CreateAsync()
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        return new TestInfrastructure(run, await RabbitMqVirtualHost.CreateAsync(LocalInfrastructure.RabbitMq, $"shipping-test-{run}"));
    }

    /// <summary>Connection settings for a service of this run, in its own schema <c>it_{run}_{name}</c>.</summary>
    public Dictionary<string, string> Settings(string name)
    {
        var schema = $"it_{Run}_{name}";
        _schemas.Add(schema);
        return new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = LocalInfrastructure.Postgres,
            ["ConnectionStrings:RabbitMq"] = VirtualHost.Uri,
            ["Marten:Schema"] = schema,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await VirtualHost.DisposeAsync();
        await using var connection = new NpgsqlConnection(LocalInfrastructure.Postgres);
        await connection.OpenAsync();
        foreach (var schema in _schemas.Distinct())
        {
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
