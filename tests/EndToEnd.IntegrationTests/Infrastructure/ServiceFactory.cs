using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Shipping.EndToEnd.IntegrationTests.Infrastructure;

/// <summary>
/// One real service, hosted in the test process with its own configuration, on the real PostgreSQL and RabbitMQ.
/// <typeparamref name="TEntryPoint"/> is any public type of the service's assembly.
/// </summary>
public sealed class ServiceFactory<TEntryPoint>(IReadOnlyDictionary<string, string> settings, ConsumedMessages consumed)
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    public ConsumedMessages Consumed => consumed;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddConsumeObserver(_ => consumed));
    }
}
