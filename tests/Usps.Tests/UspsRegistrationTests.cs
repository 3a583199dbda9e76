using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shipping.Carriers.DeliveryChanges;
using Shipping.Carriers.Polling;
using Shipping.Carriers.Usps.Tracking;
using Shipping.ServiceDefaults;

namespace Shipping.Carriers.Usps.Tests;

/// <summary>What the adapter registers, built as Program builds it (nothing is started, so no infrastructure is needed).</summary>
public class UspsRegistrationTests
{
    private static IServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Read at registration only; nothing connects.
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Database=none",
            ["ConnectionStrings:RabbitMq"] = "amqp://guest:guest@127.0.0.1:5672/",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddServiceDefaults();
        builder.AddUsps();
        return builder.Build().Services;
    }

    [Fact]
    public void Polling_DefaultsToUspsLimits()
    {
        var polling = Build().GetRequiredService<IOptionsMonitor<PollingOptions>>().Get(UspsOptions.Carrier);

        Assert.Equal(1, polling.CallsPerSecond);
        Assert.Equal(12, polling.MaxFetchesPerShipmentPerDay);
    }

    [Fact]
    public void Polling_CanBeTightenedByConfiguration()
    {
        var polling = Build(("Carriers:Usps:Polling:MaxFetchesPerShipmentPerDay", "4"), ("Carriers:Usps:Polling:CallsPerSecond", "0.5"))
            .GetRequiredService<IOptionsMonitor<PollingOptions>>().Get(UspsOptions.Carrier);

        Assert.Equal(0.5, polling.CallsPerSecond);
        Assert.Equal(4, polling.MaxFetchesPerShipmentPerDay);
    }

    [Fact]
    public void TheUspsTracker_IsWhatThePollerUses() =>
        Assert.IsType<UspsTracker>(Build().GetRequiredService<ICarrierTracker>());

    [Fact]
    public void DeliveryChanges_AreLeftToUspsOwnPages_AsTheSpecsOfferNoApiForThem()
    {
        var changer = Build().GetRequiredService<IDeliveryChanger>();

        Assert.IsType<SelfServiceOnly>(changer);
        Assert.Empty(changer.Supported);
    }

    [Fact]
    public void Options_DefaultToProductionUsps_WithoutCredentials()
    {
        var options = Build().GetRequiredService<IOptions<UspsOptions>>().Value;

        Assert.Equal("https://apis.usps.com", options.BaseUrl);
        Assert.False(options.HasApiCredentials);
        Assert.Equal("", options.WebhookSecret);
    }

    [Fact]
    public void BaseUrlThatIsNoUrl_IsRefusedWithTheSettingsName()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build(("Carriers:Usps:BaseUrl", "apis.usps.com")).GetRequiredService<IOptions<UspsOptions>>().Value);

        Assert.Contains("Carriers:Usps:BaseUrl", error.Message);
    }

    [Fact]
    public void MissingSettings_AreWarnedAboutAtStart_WithoutAnyValue()
    {
        var logger = new ListLogger<UspsOptions>();

        UspsExtensions.WarnAboutMissingSettings(new UspsOptions { ClientId = "usps-consumer-key", ClientSecret = "" }, logger);

        Assert.Equal(2, logger.Warnings.Count);
        Assert.Contains(logger.Warnings, w => w.Contains("Carriers:Usps:ClientSecret", StringComparison.Ordinal) && w.Contains("lookup", StringComparison.Ordinal));
        Assert.Contains(logger.Warnings, w => w.Contains("Carriers:Usps:WebhookSecret", StringComparison.Ordinal) && w.Contains("401", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Warnings, w => w.Contains("usps-consumer-key", StringComparison.Ordinal));
    }

    [Fact]
    public void CompleteSettings_AreNotWarnedAbout()
    {
        var logger = new ListLogger<UspsOptions>();

        UspsExtensions.WarnAboutMissingSettings(new UspsOptions { ClientId = "k", ClientSecret = "s", WebhookSecret = SpecExamples.SubscriptionSecret }, logger);

        Assert.Empty(logger.Warnings);
    }
}
