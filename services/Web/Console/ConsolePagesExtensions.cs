using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Refit;
using Shipping.Contracts.Api;

namespace Shipping.Web.Console;

/// <summary>What the console's agent pages need: the Notifications client (message log, resend, local outbox).</summary>
public static class ConsolePagesExtensions
{
    /// <summary>The HttpClient that calls Notifications.</summary>
    public const string NotificationsClientName = "notifications";

    public static WebApplicationBuilder AddConsolePages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationsClientOptions>().BindConfiguration(NotificationsClientOptions.Section);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        // The service defaults' resilience: a POST (a resend) is never retried, so the customer is never texted twice.
        builder.Services.AddRefitGeneratedClient<INotificationsApi>(new RefitSettings(new SystemTextJsonContentSerializer(json)), NotificationsClientName)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<NotificationsClientOptions>>().Value.BaseUrl));
        builder.Services.AddScoped<ConsoleNotifications>();
        builder.Services.AddScoped<ConsoleTenants>();
        builder.Services.AddScoped<Orders.OrderPageReader>();
        return builder;
    }
}
