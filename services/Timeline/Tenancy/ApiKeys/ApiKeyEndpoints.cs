using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Contracts.Api;

namespace Shipping.Timeline.Tenancy.ApiKeys;

/// <summary>
/// A tenant's API keys: issue one (shown once), list them (prefixes only), revoke one. A retailer rotates its own keys
/// with a key it holds; the platform's console does it for a brand with a service key.
/// </summary>
public static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeys(this RouteGroupBuilder keys)
    {
        keys.MapPost("/", IssueAsync).WithName("IssueApiKey").WithSummary("Issues a new API key for this tenant. The key is in this answer only.");
        keys.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("This tenant's issued API keys, by prefix.");
        keys.MapDelete("/{keyId:guid}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revokes a key at once; a revoked key stays listed.");
        return keys;
    }

    private static async Task<Results<Created<IssuedApiKey>, ValidationProblem>> IssueAsync(
        IssueApiKeyRequest? request, HttpContext http, IDocumentStore store, TimeProvider time, CancellationToken ct)
    {
        if (request?.Label is { Length: > 100 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["label"] = ["At most 100 characters."] }, title: "The key has invalid fields");
        }

        var tenant = http.User.TenantId();
        var (key, hash) = TenantKeys.NewKey(tenant);
        var stored = new TenantApiKey
        {
            Id = hash,
            KeyId = Guid.NewGuid(),
            TenantId = tenant,
            Prefix = key[..Math.Min(key.Length, tenant.Length + 8)],
            Label = request?.Label?.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        await using var session = store.LightweightSession();
        session.Insert(stored);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/api-keys/{stored.KeyId}", new IssuedApiKey(stored.KeyId, key, stored.Prefix, stored.Label, stored.CreatedAt));
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyInfo>>> ListAsync(HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        var tenant = http.User.TenantId();
        await using var session = store.QuerySession();
        var keys = await session.Query<TenantApiKey>().Where(k => k.TenantId == tenant).OrderBy(k => k.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ApiKeyInfo>>(keys.Select(Info).ToList());
    }

    private static async Task<Results<Ok<ApiKeyInfo>, ProblemHttpResult>> RevokeAsync(
        Guid keyId, HttpContext http, IDocumentStore store, TenantKeys keys, TimeProvider time, CancellationToken ct)
    {
        var tenant = http.User.TenantId();
        await using var session = store.LightweightSession();
        var key = await session.Query<TenantApiKey>().SingleOrDefaultAsync(k => k.TenantId == tenant && k.KeyId == keyId, ct);
        if (key is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "API key not found", detail: $"This tenant has no API key {keyId}.");
        }

        key.RevokedAt ??= time.GetUtcNow();
        session.Store(key);
        await session.SaveChangesAsync(ct);
        keys.Forget(key.Id);
        return TypedResults.Ok(Info(key));
    }

    private static ApiKeyInfo Info(TenantApiKey key) => new(key.KeyId, key.Prefix, key.Label, key.CreatedAt, key.RevokedAt);
}
