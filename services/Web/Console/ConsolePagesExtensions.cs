using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Http.Resilience;
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
        // The service defaults' resilience (timeouts, circuit breaker, retries of transient failures but not of 429), except
        // that a POST is never retried: a resend that timed out may have been accepted, and a second one would text the
        // customer twice.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it replaces the defaults' handler for this client only.
        builder.Services.AddRefitGeneratedClient<INotificationsApi>(new RefitSettings(new SystemTextJsonContentSerializer(json)), NotificationsClientName)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<NotificationsClientOptions>>().Value.BaseUrl))
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.Retry.ShouldHandle = attempt => ValueTask.FromResult(
                    HttpClientResiliencePredicates.IsTransient(attempt.Outcome)
                    && attempt.Outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests);
                resilience.Retry.DisableForUnsafeHttpMethods();
            });
#pragma warning restore EXTEXP0001
        builder.Services.AddScoped<ConsoleNotifications>();
        builder.Services.AddScoped<ConsoleTenants>();
        builder.Services.AddScoped<Orders.OrderPageReader>();
        return builder;
    }
}
