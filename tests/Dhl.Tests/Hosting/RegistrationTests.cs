using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shipping.Carriers.DeliveryChanges;
using Shipping.Carriers.Dhl.Tracking;
using Shipping.Carriers.Polling;
using Shipping.ServiceDefaults;

namespace Shipping.Carriers.Dhl.Tests.Hosting;

/// <summary>What Program.cs wires up, without starting anything (and without appsettings.json, so code defaults show).</summary>
public class RegistrationTests
{
    private static IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Never connected to: nothing is started.
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Database=unused",
            ["ConnectionStrings:RabbitMq"] = "amqp://guest:guest@127.0.0.1:5672/",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddServiceDefaults();
        builder.AddCarrierAdapter(DhlOptions.Carrier, "DHL");
        builder.AddDhl();
        return builder.Build();
    }

    [Fact]
    public void PollingDefaults_AreDhlsStarterTierLimits()
    {
        using var host = Build();

        var polling = host.Services.GetRequiredService<IOptionsMonitor<PollingOptions>>().Get(DhlOptions.Carrier);

        Assert.Equal(1, polling.CallsPerSecond);
        Assert.Equal(10, polling.MaxFetchesPerShipmentPerDay);
    }

    [Fact]
    public void PollingLimits_CanBeTightenedByConfiguration()
    {
        using var host = Build(("Carriers:Dhl:Polling:CallsPerSecond", "0.5"), ("Carriers:Dhl:Polling:MaxFetchesPerShipmentPerDay", "4"));

        var polling = host.Services.GetRequiredService<IOptionsMonitor<PollingOptions>>().Get(DhlOptions.Carrier);

        Assert.Equal(0.5, polling.CallsPerSecond);
        Assert.Equal(4, polling.MaxFetchesPerShipmentPerDay);
    }

    [Fact]
    public void DefaultBaseUrl_IsDhlsProductionApi()
    {
        using var host = Build();

        Assert.Equal("https://api-eu.dhl.com", host.Services.GetRequiredService<IOptions<DhlOptions>>().Value.BaseUrl);
    }

    [Fact]
    public void Tracker_IsDhls_AndDeliveryChangesAreSelfServiceOnly()
    {
        using var host = Build();

        Assert.IsType<DhlTracker>(host.Services.GetRequiredService<ICarrierTracker>());
        var changer = Assert.IsType<SelfServiceOnly>(host.Services.GetRequiredService<IDeliveryChanger>());
        Assert.Empty(changer.Supported);
    }
}
