using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Shipping.ServiceDefaults;
using Shipping.Timeline.Tenancy.ApiKeys;

namespace Shipping.Timeline.Tenancy;

/// <summary>
/// Retailers' systems authenticate with <c>X-Api-Key</c>; the key names the tenant. Keys are issued per tenant and stored
/// as SHA-256 hashes (<see cref="TenantKeys"/>); a bootstrap key may also come from configuration (<c>Tenants:{tenant}:ApiKeys</c>),
/// never from the repository, except the demo tenant's in Development.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TenantKeys keys, IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var tenant = await keys.FindTenantAsync(values[0]!, Context.RequestAborted);
        if (tenant is null)
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }

        var identity = new ClaimsIdentity([new Claim(PlatformClaims.Tenant, tenant)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
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
                Title = "A valid API key is required",
                Detail = $"Send your retailer API key in the {HeaderName} header.",
            },
        });
    }
}

public static class TenantAuthentication
{
    /// <summary>The default scheme: a platform service's key when one is sent (<see cref="ServiceKeyAuthenticationHandler"/>), a retailer's API key otherwise.</summary>
    public const string SchemeName = "Tenant";

    public static IServiceCollection AddTenantAuthentication(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<TenantKeys>();
        services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "Retailer API key or platform service key", policy => policy.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(ServiceKeyAuthenticationHandler.KeyHeader)
                    ? ServiceKeyAuthenticationHandler.SchemeName
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddServiceKeys()
            .AddScheme<AuthenticationSchemeOptions, Brands.PlatformServiceAuthenticationHandler>(Brands.PlatformServiceAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        return services;
    }
}

public static class TenantPrincipal
{
    public static string TenantId(this ClaimsPrincipal user) => PlatformClaims.TenantOf(user);
}
