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
