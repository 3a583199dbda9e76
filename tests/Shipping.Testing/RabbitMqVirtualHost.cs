using System.Net.Http.Headers;
using System.Text;
using Shipping.ServiceDefaults;

namespace Shipping.Testing;

/// <summary>
/// A RabbitMQ virtual host of the test run's own, made and removed through the management API, so the tests'
/// queues and exchanges never meet those of a locally running platform or of another run.
/// </summary>
public sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _management;
    private readonly string _name;

    private RabbitMqVirtualHost(HttpClient management, string name, string uri)
    {
        _management = management;
        _name = name;
        Uri = uri;
    }

    /// <summary>The amqp:// URI of the virtual host.</summary>
    public string Uri { get; }

    public static async Task<RabbitMqVirtualHost> CreateAsync(string brokerUri, string name)
    {
        var broker = RabbitMqUri.Parse(brokerUri);
        var managementUrl = Environment.GetEnvironmentVariable("RABBITMQ_MANAGEMENT_URL") is { Length: > 0 } configured
            ? configured
            : $"http://{broker.Host}:15672/";
        var management = new HttpClient { BaseAddress = new Uri(managementUrl), Timeout = TimeSpan.FromSeconds(30) };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{broker.Username}:{broker.Password}")));

        var vhost = System.Uri.EscapeDataString(name);
        (await management.PutAsync($"api/vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        (await management.PutAsync(
            $"api/permissions/{vhost}/{System.Uri.EscapeDataString(broker.Username)}",
            new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json")))
            .EnsureSuccessStatusCode();

        var scheme = broker.UseTls ? "amqps" : "amqp";
        var uri = $"{scheme}://{System.Uri.EscapeDataString(broker.Username)}:{System.Uri.EscapeDataString(broker.Password)}@{broker.Host}:{broker.Port}/{vhost}";
        return new RabbitMqVirtualHost(management, name, uri);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _management.DeleteAsync($"api/vhosts/{System.Uri.EscapeDataString(_name)}");
        }
        finally
        {
            _management.Dispose();
        }
    }
}
