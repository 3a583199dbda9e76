using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Shipping.Timeline.Tenancy;

/// <summary>
/// Retailers' systems authenticate with <c>X-Api-Key</c>; the key names the tenant. Keys come from configuration
/// (<c>Tenants:{tenant}:ApiKeys</c>), never from the repository, except the demo tenant's in Development.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TenantKeys keys, IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string TenantClaim = "tenant";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var tenant = keys.FindTenant(values[0]!);
        if (tenant is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var identity = new ClaimsIdentity([new Claim(TenantClaim, tenant)], SchemeName);
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
                Title = "A valid API key is required",
                Detail = $"Send your retailer API key in the {HeaderName} header.",
            },
        });
    }
}

/// <summary>The configured API keys, held as SHA-256 hashes and compared in constant time.</summary>
public sealed class TenantKeys
{
    private readonly List<(byte[] Hash, string Tenant)> _keys;

    public TenantKeys(IConfiguration configuration)
    {
        _keys = configuration.GetSection("Tenants").GetChildren()
            .SelectMany(tenant => tenant.GetSection("ApiKeys").GetChildren()
                .Select(key => key.Value)
                .Where(key => !string.IsNullOrWhiteSpace(key))
                .Select(key => (Hash(key!), tenant.Key)))
            .ToList();
    }

    public string? FindTenant(string apiKey)
    {
        var hash = Hash(apiKey);
        string? found = null;
        foreach (var (candidate, tenant) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, hash))
            {
                found = tenant;
            }
        }

        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

public static class TenantPrincipal
{
    public static string TenantId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ApiKeyAuthenticationHandler.TenantClaim)
        ?? throw new InvalidOperationException("The request is not authenticated as a tenant.");
}
