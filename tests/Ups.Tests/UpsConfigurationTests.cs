using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shipping.Carriers.Polling;

namespace Shipping.Carriers.Ups.Tests;

public class UpsConfigurationTests
{
    [Fact]
    public void Defaults_AreUpsProduction_WithoutCredentials()
    {
        var options = new UpsOptions();

        Assert.Equal(new Uri("https://onlinetools.ups.com"), options.BaseUrl);
        Assert.Equal("shipping", options.TransactionSource);
        Assert.False(options.HasApiCredentials);
        Assert.Equal(["Carriers:Ups:ClientId", "Carriers:Ups:ClientSecret", "Carriers:Ups:WebhookCredential"], options.MissingSettings());
    }

    [Fact]
    public void PollingDefaults_AreTwoCallsASecond_And24LookupsOfAParcelADay()
    {
        var polling = new PollingOptions();

        UpsExtensions.PollingDefaults(polling);

        Assert.Equal((2.0, 24), (polling.CallsPerSecond, polling.MaxFetchesPerShipmentPerDay));
    }

    [Fact]
    public async Task MissingSettings_AreNamedInAWarningAtStart_WithoutTheirValues()
    {
        var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Carriers:Ups:ClientId"] = "client-id-value" });
        builder.AddUps();
        await using var app = builder.Build();

        app.WarnAboutMissingSettings();

        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("Carriers:Ups:ClientSecret", warning.Message);
        Assert.Contains("Carriers:Ups:WebhookCredential", warning.Message);
        Assert.DoesNotContain("Carriers:Ups:ClientId", warning.Message);
        Assert.DoesNotContain("client-id-value", warning.Message);
    }

    [Fact]
    public async Task CompleteSettings_GiveNoWarning()
    {
        var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Carriers:Ups:ClientId"] = "id", ["Carriers:Ups:ClientSecret"] = "secret", ["Carriers:Ups:WebhookCredential"] = "credential",
        });
        builder.AddUps();
        await using var app = builder.Build();

        app.WarnAboutMissingSettings();

        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal("id", app.Services.GetRequiredService<IOptions<UpsOptions>>().Value.ClientId);
    }
}

internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(Entries);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
