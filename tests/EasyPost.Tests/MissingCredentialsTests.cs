using System.Collections.Concurrent;
using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shipping.Carriers.Polling;
using Shipping.Contracts;
using Shipping.Testing;

namespace Shipping.Carriers.EasyPost.Tests;

/// <summary>The adapter started without its API key and webhook secret: it says so, and keeps running.</summary>
public sealed class MissingCredentialsTests : IAsyncLifetime
{
    private readonly RecordingLoggerProvider _logs = new();
    private TestInfrastructure _infrastructure = null!;
    private FakeCarrierServer _easyPost = null!;
    private ServiceFactory<EasyPostOptions> _adapter = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        _easyPost = await FakeCarrierServer.StartAsync();
        var settings = _infrastructure.Settings("easypost_nocreds");
        settings["Carriers:EasyPost:BaseUrl"] = _easyPost.BaseUrl.ToString();
        settings["Carriers:EasyPost:ApiKey"] = "";
        settings["Carriers:EasyPost:WebhookSecret"] = "";
        settings["Carriers:EasyPost:Polling:FirstLookupWithin"] = "00:00:00";
        settings["Carriers:EasyPost:Polling:IdleDelay"] = "00:00:00.200";
        _adapter = new ServiceFactory<EasyPostOptions>(settings, services => services.AddSingleton<ILoggerProvider>(_logs));
        _adapter.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _adapter.DisposeAsync();
        await _easyPost.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task MissingCredentials_AreWarnedOfAtStart_WebhooksAreRefused_AndPollsFailWithoutCallingEasyPost()
    {
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Carriers:EasyPost:ApiKey is not set", StringComparison.Ordinal));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Carriers:EasyPost:WebhookSecret is not set", StringComparison.Ordinal));

        var body = EasyPostHost.EventBodyFor("EZ1000000001");
        var request = new HttpRequestMessage(HttpMethod.Post, Webhooks.EasyPostWebhookEndpoint.Pattern) { Content = new ByteArrayContent(body) };
        request.Headers.Add(Webhooks.EasyPostSignature.Header, Webhooks.EasyPostSignature.Sign("", body));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _adapter.CreateClient().SendAsync(request)).StatusCode);

        const string code = "EZ1000000001";
        await _adapter.Services.GetRequiredService<IBus>().Publish(new ShipmentRegistered(
            Guid.NewGuid(), "acme", "IT-1", EasyPostOptions.Carrier, code, null, DateTimeOffset.UtcNow));
        var schedule = _adapter.Services.GetRequiredService<PollSchedule>();
        await Eventually.Get(() => schedule.FindAsync(code, default), s => s?.FetchesToday >= 1, "a poll of the parcel", TimeSpan.FromSeconds(60));

        Assert.Empty(_easyPost.Requests);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("ApiKey is not set; EasyPost was not asked", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await _adapter.CreateClient().GetAsync("/health/live")).StatusCode);
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Recorder(Entries);

        public void Dispose()
        {
        }

        private sealed class Recorder(ConcurrentQueue<(LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    entries.Enqueue((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
