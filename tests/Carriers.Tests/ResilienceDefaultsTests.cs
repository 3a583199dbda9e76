using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shipping.ServiceDefaults;

namespace Shipping.Carriers.Tests;

/// <summary>
/// The service defaults' resilience on every HttpClient: a transient failure of a GET is retried, one of a POST is not
/// (it may have been carried out: an SMS sent twice), unless the client says its POSTs only read.
/// </summary>
public sealed class ResilienceDefaultsTests : IDisposable
{
    private readonly List<IHost> _hosts = [];

    public void Dispose() => _hosts.ForEach(h => h.Dispose());

    [Fact]
    public async Task AGet_IsRetried_AfterA503()
    {
        var (client, server) = Client(retryEveryMethod: false);

        var response = await client.GetAsync("/track");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Calls);
    }

    [Fact]
    public async Task APost_IsNotRetried_After503_ButReturnedToTheCaller()
    {
        var (client, server) = Client(retryEveryMethod: false);

        var response = await client.PostAsync("/messages", new StringContent("Body=hello"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, server.Calls);
    }

    [Fact]
    public async Task APost_OfAClientWhosePostsOnlyRead_IsRetried()
    {
        var (client, server) = Client(retryEveryMethod: true);

        var response = await client.PostAsync("/track/v1/trackingnumbers", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Calls);
    }

    [Fact]
    public async Task A429_IsNotRetried_EvenForAGet()
    {
        var (client, server) = Client(retryEveryMethod: true, first: HttpStatusCode.TooManyRequests);

        var response = await client.GetAsync("/track");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, server.Calls);
    }

    private (HttpClient Client, FirstFailsHandler Server) Client(bool retryEveryMethod, HttpStatusCode first = HttpStatusCode.ServiceUnavailable)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>());
        builder.AddServiceDefaults();
        var server = new FirstFailsHandler(first);
        var client = builder.Services.AddHttpClient("carrier", http => http.BaseAddress = new Uri("http://carrier.test"))
            .ConfigurePrimaryHttpMessageHandler(() => server);
        if (retryEveryMethod)
        {
            client.RetryingEveryMethod();
        }

        var host = builder.Build();
        _hosts.Add(host);
        return (host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("carrier"), server);
    }

    /// <summary>Stands in for the remote API: the first call fails with the given status, every later one answers 200.</summary>
    private sealed class FirstFailsHandler(HttpStatusCode first) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(Interlocked.Increment(ref _calls) == 1 ? first : HttpStatusCode.OK)
            {
                Content = new StringContent("{}"),
            });
    }
}
