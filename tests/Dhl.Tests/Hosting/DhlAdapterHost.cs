using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shipping.Contracts;
using Shipping.Testing;

namespace Shipping.Carriers.Dhl.Tests.Hosting;

/// <summary>
/// The DHL adapter, hosted for real on the local PostgreSQL and RabbitMQ (its own schema and virtual host), polling a
/// fake DHL that answers with DHL's example payloads.
/// </summary>
public abstract class DhlAdapterHost(string? apiKey) : IAsyncLifetime
{
    /// <summary>The fake DHL answers numbers starting JJD with the parcel-de example, 3SHM with the parcel-nl one.</summary>
    public static string NewParcelDeNumber() => "JJD" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999);

    public static string NewParcelNlNumber() => "3SHM" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999);

    private TestInfrastructure? _infrastructure;

    public FakeCarrierServer Dhl { get; private set; } = null!;

    public ServiceFactory<DhlOptions> Adapter { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        Dhl = await FakeCarrierServer.StartAsync();
        Dhl.On("GET", "/track/shipments", request => request.Query.GetValueOrDefault("trackingNumber") switch
        {
            { } number when number.StartsWith("JJD", StringComparison.Ordinal) => FakeResponse.Json(SpecFiles.Read(DhlPayloads.ParcelDe)),
            { } number when number.StartsWith("3SHM", StringComparison.Ordinal) => FakeResponse.Json(ParcelNlWithRerouteLink()),
            _ => FakeResponse.Problem(404, SpecFiles.Read(DhlPayloads.NotFound)),
        });

        _infrastructure = await TestInfrastructure.CreateAsync();
        var settings = _infrastructure.Settings("dhl");
        settings["Carriers:Dhl:BaseUrl"] = Dhl.BaseUrl.ToString();
        settings["Carriers:Dhl:ApiKey"] = apiKey ?? "";
        settings["Carriers:Dhl:Polling:FirstLookupWithin"] = "00:00:00";
        settings["Carriers:Dhl:Polling:IdleDelay"] = "00:00:00.200";
        settings["Carriers:Dhl:Polling:CallsPerSecond"] = "20";
        Adapter = new ServiceFactory<DhlOptions>(settings, services => services.AddSingleton<ILoggerProvider>(Logs));

        // Creating a client starts the host: Marten applies its schema, MassTransit declares its queues.
        Adapter.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await Adapter.DisposeAsync();
        await Dhl.DisposeAsync();
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }

    /// <summary>What Timeline publishes when a retailer registers a DHL shipment.</summary>
    public async Task<ShipmentRegistered> RegisterAsync(string trackingNumber, string tenant = "acme")
    {
        var registered = new ShipmentRegistered(
            Guid.NewGuid(), tenant, "ORD-" + Guid.NewGuid().ToString("N")[..8], "dhl", trackingNumber, null, DateTimeOffset.UtcNow);
        await Adapter.Services.GetRequiredService<IBus>().Publish(registered);
        return registered;
    }

    public IReadOnlyList<TrackingEventObserved> Observed(string trackingNumber) =>
        Adapter.Published.Of<TrackingEventObserved>().Where(e => e.TrackingNumber == trackingNumber).ToList();

    /// <summary>The parcel-nl example with the spec's rerouteUrl example added (no fixture carries one).</summary>
    public static string ParcelNlWithRerouteLink()
    {
        var json = DhlPayloads.Node(DhlPayloads.ParcelNl);
        json["shipments"]![0]!["rerouteUrl"] = DhlPayloads.SpecRerouteUrl;
        return json.ToJsonString();
    }

    /// <summary>An upper bound for the first lookup, which these settings make immediate (Polling:FirstLookupWithin = 0).</summary>
    public static readonly TimeSpan FirstLookup = TimeSpan.FromSeconds(60);
}

/// <summary>Every log line the host writes, to check what it says (and what it must not).</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Lines => _lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue((logLevel, category, formatter(state, exception)));
            }
        }
    }
}
