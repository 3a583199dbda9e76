using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
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
    IConfiguration configuration, IProblemDetailsService problemDetails)
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

        var service = FindService(configuration, keys[0]!);
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

    /// <summary>The service a key belongs to, or null.</summary>
    public static string? FindService(IConfiguration configuration, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        string? found = null;
        foreach (var configured in configuration.GetSection("Platform:ServiceKeys").GetChildren())
        {
            if (!string.IsNullOrEmpty(configured.Value)
                && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(configured.Value)), hash))
            {
                found = configured.Key;
            }
        }

        return found;
    }

    /// <summary>Tenant ids: lower-case letters, digits and hyphens.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    public static partial Regex TenantPattern();
}
