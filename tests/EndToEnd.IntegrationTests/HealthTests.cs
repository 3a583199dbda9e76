using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Shipping.EndToEnd.IntegrationTests.Infrastructure;
using Shipping.Testing;
using Shipping.ServiceDefaults;

namespace Shipping.EndToEnd.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class HealthTests(PlatformFixture platform)
{
    public static TheoryData<string> Services => ["timeline", "notifications", "simulator"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Ready_ChecksPostgresAndRabbitMq_AndAnswers200(string service)
    {
        var host = Host(service);

        var ready = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations
            .Where(r => r.Tags.Contains(ServiceDefaultsExtensions.ReadyTag))
            .Select(r => r.Name)
            .ToList();
        var response = await host.CreateClient().GetAsync("/health/ready");

        Assert.Contains("postgres", ready);
        Assert.Contains(ready, name => name.StartsWith("masstransit", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Live_AnswersWithoutCheckingDependencies(string service)
    {
        var host = Host(service);

        var live = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations
            .Where(r => r.Tags.Contains(ServiceDefaultsExtensions.LiveTag))
            .Select(r => r.Name);
        var response = await host.CreateClient().GetAsync("/health/live");

        Assert.Equal(["self"], live);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private IWebApplicationFactoryHost Host(string service) => service switch
    {
        "timeline" => new FactoryHost<Timeline.Orders.OrderDetails>(platform.Timeline),
        "notifications" => new FactoryHost<Notifications.Alerts.DueAlert>(platform.Notifications),
        _ => new FactoryHost<Carriers.Simulator.SimulatorOptions>(platform.Simulator),
    };

    private interface IWebApplicationFactoryHost
    {
        IServiceProvider Services { get; }
        HttpClient CreateClient();
    }

    private sealed class FactoryHost<T>(WebApplicationFactory<T> factory) : IWebApplicationFactoryHost where T : class
    {
        public IServiceProvider Services => factory.Services;
        public HttpClient CreateClient() => factory.CreateClient();
    }
}
