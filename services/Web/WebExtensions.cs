using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Refit;
using Shipping.Contracts.Api;
using Shipping.ServiceDefaults;
using Shipping.Web.Console;
using Shipping.Web.Branding;
using Shipping.Web.Security;
using Shipping.Web.Timeline;
using Shipping.Web.Tracking;

namespace Shipping.Web;

public static class WebExtensions
{
    /// <summary>The rate limiter policy of order look-ups.</summary>
    public const string LookupPolicy = "lookup";

    /// <summary>The HttpClient that calls Timeline.</summary>
    public const string TimelineClientName = "timeline";

    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section);
        var requireHttps = builder.Configuration.GetValue(WebOptions.Section + ":RequireHttps", true);
        var securePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        builder.Services.AddSingleton(sp => TrackingLinks.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddTransient<ServiceKeyHandler>();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        builder.Services.AddRefitGeneratedClient<ITimelineServiceApi>(new RefitSettings(new SystemTextJsonContentSerializer(json)), TimelineClientName)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<WebOptions>>().Value.Timeline.BaseUrl))
            .AddHttpMessageHandler<ServiceKeyHandler>();
        builder.Services.AddScoped<TrackingPageReader>();
        builder.Services.AddScoped<TrackingPreferences>();
        builder.AddConsolePages();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<LogoProxy>();
        builder.Services.AddHttpClient(LogoProxy.ClientName, http => http.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(LogoProxy.Handler);

        builder.AddConsole();

        // Web only publishes (a customer's delivery change); it consumes nothing.
        builder.AddShippingMassTransit("web", _ => { });

        builder.Services.AddRazorPages(pages => pages.Conventions
            .AddConsoleAuthorization()
            .AddPageApplicationModelConvention("/Lookup",
                page => page.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(LookupPolicy))));
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "__shipping-af";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = securePolicy;
            antiforgery.FormFieldName = "__af";
        });
        builder.Services.Configure<CookiePolicyOptions>(cookies =>
        {
            cookies.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            cookies.Secure = securePolicy;
            cookies.MinimumSameSitePolicy = SameSiteMode.Lax;
        });

        // Order look-ups: a few per minute per client address, so order numbers cannot be tried in bulk.
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(LookupPolicy, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var permits = http.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.Lookup.PermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return builder;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.UseStaticFiles();
        app.UseCookiePolicy();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.MapBrand();
        app.MapRazorPages();
        return app;
    }
}
