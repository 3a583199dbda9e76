using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Shipping.ServiceDefaults;
using Shipping.Timeline.Tenancy.ApiKeys;

namespace Shipping.Timeline.Tenancy.Brands;

/// <summary>
/// For the few endpoints that span every tenant (<c>GET /api/brands</c>): a platform service's key without
/// <c>X-Tenant-Id</c>. A retailer's key is recognised too, so that it is answered 403 (known, not allowed) rather than 401.
/// </summary>
public sealed class PlatformServiceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ServiceKeys serviceKeys, TenantKeys tenantKeys, IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PlatformService";

    /// <summary>Only a platform service, acting for no tenant in particular.</summary>
    public static readonly AuthorizationPolicy Policy = new AuthorizationPolicyBuilder(SchemeName).RequireClaim(PlatformClaims.Service).Build();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Single(ServiceKeyAuthenticationHandler.KeyHeader) is { } serviceKey)
        {
            return serviceKeys.FindOwner(serviceKey) is { } service
                ? Success(new Claim(PlatformClaims.Service, service))
                : AuthenticateResult.Fail("Unknown service key.");
        }

        if (Single(ApiKeyAuthenticationHandler.HeaderName) is { } apiKey)
        {
            return await tenantKeys.FindTenantAsync(apiKey, Context.RequestAborted) is { } tenant
                ? Success(new Claim(PlatformClaims.Tenant, tenant))
                : AuthenticateResult.Fail("Unknown API key.");
        }

        return AuthenticateResult.NoResult();
    }

    private string? Single(string header) =>
        Request.Headers.TryGetValue(header, out var values) && values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    private AuthenticateResult Success(Claim claim) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([claim], SchemeName)), SchemeName));

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteAsync(StatusCodes.Status401Unauthorized, "A valid service key is required", $"Send the platform service key in {ServiceKeyAuthenticationHandler.KeyHeader}.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteAsync(StatusCodes.Status403Forbidden, "For platform services only", "This endpoint spans every tenant; a retailer's API key cannot call it.");

    private async Task WriteAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
