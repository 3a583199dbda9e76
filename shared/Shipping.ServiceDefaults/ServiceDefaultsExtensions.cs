using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Shipping.ServiceDefaults;

/// <summary>What every Shipping service gets: telemetry, health endpoints, problem details, resilient HTTP.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Health checks with this tag are reported by <c>/health/live</c>.</summary>
    public const string LiveTag = "live";

    /// <summary>Health checks with this tag are reported by <c>/health/ready</c> (MassTransit tags its bus check "ready" too).</summary>
    public const string ReadyTag = "ready";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.AddProblemDetails();
        // Statuses and reasons travel as their canonical names ("InTransit"), not as numbers.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(TimeProvider.System);

        // Every outgoing HttpClient (carriers, Twilio, Timeline and Notifications from Web): retries of transient failures
        // with backoff and jitter, attempt and total timeouts, and a circuit breaker. A 429 is not retried here: it goes
        // back to the caller, who honours its Retry-After (the carrier poller pauses for it) instead of spending quota or
        // timing out inside a long wait. Only safe methods (GET, HEAD, ...) are retried: a POST that timed out may have
        // been carried out (an SMS sent, a note added, a change asked for), and a retry would do it twice. A client
        // whose POSTs only read opts back in with RetryingEveryMethod.
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler(resilience => Retry(resilience, unsafeMethods: false)));
        return builder;
    }

    /// <summary>
    /// The defaults' resilience for a client whose POSTs only read or are idempotent (a carrier's tracking query sent as a
    /// POST, an OAuth token request, a create-or-get): transient failures of every method are retried.
    /// </summary>
    public static IHttpClientBuilder RetryingEveryMethod(this IHttpClientBuilder client)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the defaults' handler for one client.
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddStandardResilienceHandler(resilience => Retry(resilience, unsafeMethods: true));
        return client;
    }

    private static void Retry(HttpStandardResilienceOptions resilience, bool unsafeMethods)
    {
        resilience.Retry.ShouldHandle = attempt => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(attempt.Outcome)
            && attempt.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests);
        if (!unsafeMethods)
        {
            resilience.Retry.DisableForUnsafeHttpMethods();
        }
    }

    /// <summary>
    /// Traces, metrics and logs over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Without an exporter nothing is
    /// collected: the tracer samples nothing (so MassTransit, Npgsql and Marten create no spans unless something else
    /// listens, such as a test's own listener), and no metrics or log records are gathered. An SDK with nowhere to send
    /// would otherwise record every span and aggregate every measurement, a good part of a busy consumer's CPU.
    /// </summary>
    private static void ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        var exporting = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var openTelemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(builder.Environment.ApplicationName)
                    .AddAspNetCoreInstrumentation(aspNet =>
                        // Health probes every few seconds would drown the traces that matter.
                        aspNet.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddSource(Telemetry.MassTransitSource, Telemetry.NpgsqlSource, Telemetry.MartenSource, Telemetry.ShippingSource);
                if (!exporting)
                {
                    tracing.SetSampler(new AlwaysOffSampler());
                }
            });
        if (!exporting)
        {
            return;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        openTelemetry
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(Telemetry.MassTransitSource, Telemetry.NpgsqlSource, Telemetry.MartenSource, Telemetry.ShippingSource))
            .UseOtlpExporter();
    }

    /// <summary>Maps <c>/health/live</c> (the process answers) and <c>/health/ready</c> (its dependencies answer too).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
        });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag) || check.Tags.Contains(ReadyTag),
        });
        return app;
    }

    /// <summary>Problem details for unhandled exceptions and for bare error status codes.</summary>
    public static WebApplication UseProblemDetailsForErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
