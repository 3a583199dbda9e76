namespace Shipping.Testing;

/// <summary>
/// Where the real PostgreSQL and RabbitMQ are: the environment (as deploy/local/test.sh exports them), or else the
/// file deploy/local/infra-up.sh writes. Nothing of ours is faked: without them the tests fail, saying how to start them.
/// </summary>
public static class LocalInfrastructure
{
    public static string Postgres { get; } = Read("ConnectionStrings__Postgres");

    public static string RabbitMq { get; } = Read("ConnectionStrings__RabbitMq");

    private static string Read(string name)
    {
        if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
        {
            return value;
        }

        var file = Path.Combine(Environment.GetEnvironmentVariable("INFRA_DIR") ?? "/tmp/shipping-infra", "infra.env");
        if (File.Exists(file))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith(name + "=", StringComparison.Ordinal))
                {
                    // infra.env is written with bash's printf %q: undo its backslash escapes.
                    return System.Text.RegularExpressions.Regex.Replace(line[(name.Length + 1)..], @"\\(.)", "$1");
                }
            }
        }

        throw new InvalidOperationException(
            $"{name} is not set and {file} does not name it. Start the local infrastructure with deploy/local/infra-up.sh, " +
            "or run the tests with deploy/local/test.sh.");
    }
}
