using Microsoft.Extensions.Configuration;
using Shipping.Timeline.RetailerWebhooks;

namespace Shipping.Timeline.Tests.RetailerWebhooks;

public class RetailerEndpointsTests
{
    private static RetailerEndpoints From(Dictionary<string, string?> settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    [Fact]
    public void TenantWithUrlAndSecret_GetsWebhooks()
    {
        var endpoints = From(new() { ["Tenants:acme:Webhooks:Url"] = "https://hooks.acme.example/shipping", ["Tenants:acme:Webhooks:Secret"] = "s3cret" });

        Assert.True(endpoints.TryGet("acme", out var endpoint));
        Assert.Equal(new Uri("https://hooks.acme.example/shipping"), endpoint.Url);
        Assert.Empty(endpoints.Misconfigured);
    }

    [Fact]
    public void TenantWithoutUrl_GetsNoWebhooks_AndNoWarning()
    {
        var endpoints = From(new() { ["Tenants:acme:ApiKeys:0"] = "key", ["Tenants:globex:Webhooks:Url"] = "" });

        Assert.False(endpoints.TryGet("acme", out _));
        Assert.False(endpoints.TryGet("globex", out _));
        Assert.Empty(endpoints.Misconfigured);
    }

    [Fact]
    public void UrlWithoutSecret_IsNeverSentUnsigned_AndIsReported()
    {
        var endpoints = From(new() { ["Tenants:acme:Webhooks:Url"] = "https://hooks.acme.example/shipping" });

        Assert.False(endpoints.TryGet("acme", out _));
        var (tenant, problem) = Assert.Single(endpoints.Misconfigured);
        Assert.Equal("acme", tenant);
        Assert.Contains("Secret", problem);
    }

    [Fact]
    public void UrlThatIsNotHttp_IsReported()
    {
        var endpoints = From(new() { ["Tenants:acme:Webhooks:Url"] = "ftp://hooks.acme.example", ["Tenants:acme:Webhooks:Secret"] = "s3cret" });

        Assert.False(endpoints.TryGet("acme", out _));
        Assert.Equal("acme", Assert.Single(endpoints.Misconfigured).Tenant);
    }
}
