using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Marten;
using Shipping.ServiceDefaults;
using Shipping.Web.Console.Agents;
using Shipping.Web.Console.Security;
using Shipping.Web.Console.SigningIn;

namespace Shipping.Web.Console;

public static class ConsoleExtensions
{

    /// <summary>
    /// The support console's foundations: Web's Marten store (schema <c>web</c>: agents, the audit log, the Data Protection
    /// key ring), the <see cref="ConsoleAuth.Scheme"/> cookie, the agent and admin policies (applied to the pages by
    /// <see cref="AddConsoleAuthorization"/>), the bootstrap admin.
    /// </summary>
    public static WebApplicationBuilder AddConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section);
        var requireHttps = builder.Configuration.GetValue(WebOptions.Section + ":RequireHttps", true);
        var sessionLifetime = builder.Configuration.GetValue(ConsoleOptions.Section + ":SessionLifetime", TimeSpan.FromHours(8));

        builder.AddShippingMarten("web", options =>
        {
            options.Schema.For<Agent>().UseOptimisticConcurrency(true).UniqueIndex(a => a.Email);
            options.Schema.For<AuditEntry>().Index(e => e.At).Index(e => e.Tenant).Index(e => e.AgentId);
            options.Schema.For<DataProtectionKey>();
        });

        // One key ring for every replica, in the store above.
        builder.Services.AddDataProtection().SetApplicationName("shipping-web");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IDocumentStore>((keys, store) => keys.XmlRepository = new MartenXmlRepository(store));

        builder.Services.AddSingleton<IPasswordHasher<Agent>, PasswordHasher<Agent>>();
        builder.Services.AddSingleton<AgentDirectory>();
        builder.Services.AddSingleton<IAuditLog, MartenAuditLog>();
        builder.Services.AddSingleton<PendingSignInCookie>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddScoped<SignInFlow>();
        builder.Services.AddHostedService<BootstrapAdmin>();

        builder.Services.AddAuthentication(ConsoleAuth.Scheme).AddCookie(ConsoleAuth.Scheme, cookie =>
        {
            cookie.Cookie.Name = ConsoleAuth.CookieName;
            cookie.Cookie.Path = "/console";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.IsEssential = true;
            cookie.ExpireTimeSpan = sessionLifetime;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = ConsoleAuth.SignInPath;
            cookie.LogoutPath = ConsoleAuth.SignOutPath;
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = ConsoleSession.ValidateAsync,
                // An agent on an admin page: 403, not a redirect.
                OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
            };
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleAuth.AgentPolicy, policy => policy
                .AddAuthenticationSchemes(ConsoleAuth.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ConsoleAuth.MethodsClaim, "otp")
                .RequireRole(ConsoleAuth.RoleAgent, ConsoleAuth.RoleAdmin))
            .AddPolicy(ConsoleAuth.AdminPolicy, policy => policy
                .AddAuthenticationSchemes(ConsoleAuth.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ConsoleAuth.MethodsClaim, "otp")
                .RequireRole(ConsoleAuth.RoleAdmin));

        return builder;
    }

    /// <summary>
    /// The console's pages need an agent, <c>/Console/Admin</c> an admin; the sign-in steps are open.
    /// Applied inside <c>AddRazorPages</c>: Razor Pages replaces its conventions collection when it sets up its options, so
    /// conventions configured before that are lost.
    /// </summary>
    public static PageConventionCollection AddConsoleAuthorization(this PageConventionCollection conventions)
    {
        conventions
            .AuthorizeFolder("/Console", ConsoleAuth.AgentPolicy)
            .AuthorizeFolder("/Console/Admin", ConsoleAuth.AdminPolicy)
            .AllowAnonymousToFolder("/Console/SignIn");
        return conventions;
    }
}
