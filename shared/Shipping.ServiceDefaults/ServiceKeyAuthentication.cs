using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Shipping.ServiceDefaults;

/// <summary>Claims every Shipping API reads from an authenticated caller.</summary>
public static class PlatformClaims
{
    /// <summary>The tenant (retailer) the caller acts for.</summary>
    public const string Tenant = "tenant";

    /// <summary>Set when the caller is one of the platform's own services (Web, Notifications), with its name.</summary>
    public const string Service = "service";

    public static string TenantOf(ClaimsPrincipal user) =>
        user.FindFirstValue(Tenant) ?? throw new InvalidOperationException("The request is not authenticated as a tenant.");
}

/// <summary>
/// The platform's own services call each other with a service key (<c>X-Service-Key</c>, configured as
/// <c>Platform:ServiceKeys:{service}</c>, never in the repository) and name the tenant they act for in <c>X-Tenant-Id</c>:
/// Web serves every retailer's tracking pages, so it cannot hold one retailer's key. Keys are compared as SHA-256 hashes
/// in constant time.
/// </summary>
public sealed partial class ServiceKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ServiceKeys serviceKeys, IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ServiceKey";
    public const string KeyHeader = "X-Service-Key";
    public const string TenantHeader = "X-Tenant-Id";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(KeyHeader, out var keys) || keys.Count != 1 || string.IsNullOrEmpty(keys[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var service = serviceKeys.FindOwner(keys[0]!);
        if (service is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown service key."));
        }

        var tenant = Request.Headers[TenantHeader].ToString();
        if (!TenantPattern().IsMatch(tenant))
        {
            return Task.FromResult(AuthenticateResult.Fail($"A service must name the tenant it acts for in {TenantHeader}."));
        }

        var identity = new ClaimsIdentity([new Claim(PlatformClaims.Tenant, tenant), new Claim(PlatformClaims.Service, service)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "A valid service key and tenant are required",
                Detail = $"Send the service key in {KeyHeader} and the tenant in {TenantHeader}.",
            },
        });
    }

    /// <summary>Tenant ids: lower-case letters, digits and hyphens.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    public static partial Regex TenantPattern();
}

/// <summary>The platform's service keys (<c>Platform:ServiceKeys:{service}</c>), hashed once at start.</summary>
public sealed class ServiceKeys(IConfiguration configuration)
{
    private readonly ConfiguredKeys _keys = new(configuration.GetSection("Platform:ServiceKeys").GetChildren().Select(k => (k.Value, k.Key)));

    /// <summary>The service a key belongs to, or null.</summary>
    public string? FindOwner(string key) => _keys.FindOwner(key);
}

public static class ServiceKeyAuthenticationExtensions
{
    /// <summary>Adds the service-key scheme (<see cref="ServiceKeyAuthenticationHandler.SchemeName"/>) with the configured keys.</summary>
    public static AuthenticationBuilder AddServiceKeys(this AuthenticationBuilder authentication)
    {
        authentication.Services.AddSingleton<ServiceKeys>();
        return authentication.AddScheme<AuthenticationSchemeOptions, ServiceKeyAuthenticationHandler>(ServiceKeyAuthenticationHandler.SchemeName, null);
    }
}
