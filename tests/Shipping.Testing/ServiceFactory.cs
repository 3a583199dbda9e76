using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Shipping.Testing;

/// <summary>
/// One real service, hosted in the test process with its own configuration, on the real PostgreSQL and RabbitMQ.
/// <typeparamref name="TEntryPoint"/> is any public type of the service's assembly. It records what the service's
/// consumers consumed and what it published.
/// </summary>
public sealed class ServiceFactory<TEntryPoint>(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    public ConsumedMessages Consumed { get; } = new();

    public PublishedMessages Published { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // MassTransit keeps its log context in a static, bound to the logger factory of the host that set it last.
        // A host started after another one was disposed would log through that disposed factory while its bus is
        // built (one host per process in production never meets this); start each host from a clean slate.
        LogContext.ConfigureCurrentLogContext(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddConsumeObserver(_ => Consumed);
            services.AddPublishObserver(_ => Published);
            configureServices?.Invoke(services);
        });
    }
}
