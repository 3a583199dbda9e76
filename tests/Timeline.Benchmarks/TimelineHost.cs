using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shipping.Timeline.Orders;

namespace Shipping.Timeline.Benchmarks;

/// <summary>
/// The real Timeline service (its Program, consumers, inline projections and endpoints), hosted in this process on
/// Kestrel (loopback, a free port) against the real PostgreSQL and RabbitMQ, with the benchmark's own schema and
/// virtual host. Logging is kept to warnings so the console does not become the bottleneck.
/// </summary>
public sealed class TimelineHost : WebApplicationFactory<OrderDetails>
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public TimelineHost(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? configureServices = null)
    {
        _settings = settings;
        _configureServices = configureServices;
        // Outside a test project there is no content-root manifest: the service's appsettings are copied beside this program.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SHIPPING_TIMELINE", AppContext.BaseDirectory);
        UseKestrel(0);
    }

    /// <summary>Starts the host (Marten applies its schema, MassTransit declares its queues) and returns a client on its Kestrel address.</summary>
    public HttpClient Start(string apiKey)
    {
        StartServer();
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // See Shipping.Testing.ServiceFactory: MassTransit's static log context must not point at a disposed host's loggers.
        LogContext.ConfigureCurrentLogContext(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        builder.UseEnvironment("Production");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }
}
