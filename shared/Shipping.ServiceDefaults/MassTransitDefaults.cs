using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Shipping.ServiceDefaults;

public static class MassTransitDefaults
{
    /// <summary>
    /// MassTransit on RabbitMQ at <c>ConnectionStrings:RabbitMq</c> (an amqp:// or amqps:// URI with user info and
    /// virtual host). Endpoint names are kebab-case and prefixed with <paramref name="serviceName"/>, so two services
    /// consuming the same message each get their own queue instead of competing for one. The bus health check
    /// (tagged "ready" by MassTransit) feeds <c>/health/ready</c>.
    /// </summary>
    public static TBuilder AddShippingMassTransit<TBuilder>(
        this TBuilder builder, string serviceName, Action<IBusRegistrationConfigurator> configure)
        where TBuilder : IHostApplicationBuilder
    {
        var broker = RabbitMqUri.Parse(builder.Configuration.GetRequiredConnectionString("RabbitMq"));

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configure(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                    if (broker.UseTls)
                    {
                        host.UseSsl(ssl => ssl.ServerName = broker.Host);
                    }
                });
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });

        return builder;
    }
}

/// <summary>The parts of an amqp:// URI that RabbitMQ's client needs.</summary>
public sealed record RabbitMqUri(string Host, ushort Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    public static RabbitMqUri Parse(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new FormatException("ConnectionStrings:RabbitMq must be an amqp:// or amqps:// URI, e.g. amqp://guest:guest@127.0.0.1:5672/.");
        }

        var tls = uri.Scheme == "amqps";
        var userInfo = uri.UserInfo.Split(':', 2);
        var username = userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest";
        var password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest";
        var path = uri.AbsolutePath.TrimStart('/');
        var virtualHost = path.Length == 0 ? "/" : Uri.UnescapeDataString(path);
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (ushort)(tls ? 5671 : 5672) : (ushort)uri.Port;
        return new RabbitMqUri(uri.Host, port, virtualHost, username, password, tls);
    }

    /// <summary>The URI without its password, for logs.</summary>
    public override string ToString() => $"{(UseTls ? "amqps" : "amqp")}://{Username}@{Host}:{Port}/{VirtualHost.TrimStart('/')}";
}
