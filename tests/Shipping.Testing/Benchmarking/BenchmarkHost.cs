using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shipping.Testing.Benchmarking;

/// <summary>
/// A real service (its Program, consumers, projections and endpoints) hosted in a benchmark's process on Kestrel (loopback,
/// a free port) as in production: the Production environment, logging kept to warnings so the console is not the
/// bottleneck, and the settings given (connection strings, keys).
/// </summary>
/// <param name="contentRootVariable">
/// The service's content-root variable (<c>ASPNETCORE_TEST_CONTENTROOT_SHIPPING_TIMELINE</c> for Shipping.Timeline): outside a
/// test project there is no content-root manifest.
/// </param>
/// <param name="contentRoot">Where the service's appsettings (and wwwroot) are; the program's folder when null.</param>
public sealed class BenchmarkHost<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public BenchmarkHost(
        string contentRootVariable, IReadOnlyDictionary<string, string> settings, string? contentRoot = null, Action<IServiceCollection>? configureServices = null)
    {
        _settings = settings;
        _configureServices = configureServices;
        Environment.SetEnvironmentVariable(contentRootVariable, contentRoot ?? AppContext.BaseDirectory);
        UseKestrel(0);
    }

    /// <summary>Starts the host and returns its Kestrel address (http://127.0.0.1:port).</summary>
    public Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // See ServiceFactory: MassTransit's static log context must not point at a disposed host's loggers.
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
