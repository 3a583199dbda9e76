using Shipping.Testing.Benchmarking;
using Shipping.Timeline.Orders;

namespace Shipping.Timeline.Benchmarks;

/// <summary>
/// The real Timeline service (its Program, consumers, inline projections and endpoints), hosted in this process on Kestrel
/// against the real PostgreSQL and RabbitMQ, with the benchmark's own schema and virtual host (<see cref="BenchmarkHost{T}"/>).
/// </summary>
public static class TimelineHost
{
    public const string Sharing = "PostgreSQL, RabbitMQ, Timeline and the load generator all on this machine.";

    public static BenchmarkHost<OrderDetails> Create(IReadOnlyDictionary<string, string> settings, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null) =>
        new("ASPNETCORE_TEST_CONTENTROOT_SHIPPING_TIMELINE", settings, configureServices: configureServices);

    /// <summary>Starts the host (Marten applies its schema, MassTransit declares its queues) and returns a client of its Kestrel address.</summary>
    public static HttpClient StartWithApiKey(this BenchmarkHost<OrderDetails> host, string apiKey)
    {
        var client = new HttpClient { BaseAddress = host.Start() };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }
}
