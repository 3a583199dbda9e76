using System.Security.Cryptography;
using Shipping.ServiceDefaults;
using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Shipping.Timeline.Tenancy.ApiKeys;

/// <summary>
/// Finds the tenant an API key belongs to: among the keys issued and stored (by hash), or the bootstrap keys in
/// configuration (compared in constant time). Answers are cached briefly, so a revoked key stops working on other
/// instances within <see cref="CacheFor"/> (at once on the instance that revoked it).
/// </summary>
public sealed class TenantKeys(IConfiguration configuration, IDocumentStore store, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly ConfiguredKeys _configured = new(configuration.GetSection("Tenants").GetChildren()
        .SelectMany(tenant => tenant.GetSection("ApiKeys").GetChildren().Select(key => (key.Value, tenant.Key))));

    public async Task<string?> FindTenantAsync(string apiKey, CancellationToken ct)
    {
        if (_configured.FindOwner(apiKey) is { } configured)
        {
            return configured;
        }

        var id = Convert.ToHexStringLower(ConfiguredKeys.Hash(apiKey));
        if (cache.TryGetValue(CacheKey(id), out string? cached))
        {
            return cached;
        }

        await using var session = store.QuerySession();
        var stored = await session.LoadAsync<TenantApiKey>(id, ct);
        var tenantId = stored is { RevokedAt: null } ? stored.TenantId : null;
        // A wrong key is remembered for a shorter time: it may be about to be issued, and the cache must not grow without bound from guesses.
        cache.Set(CacheKey(id), tenantId, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = tenantId is null ? TimeSpan.FromSeconds(2) : CacheFor, Size = 1 });
        return tenantId;
    }

    public void Forget(string keyHash) => cache.Remove(CacheKey(keyHash));

    /// <summary>A new random key (256 bits, URL-safe) with its stored hash.</summary>
    public static (string Key, string Hash) NewKey(string tenant)
    {
        var key = $"sk_{tenant}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        return (key, Convert.ToHexStringLower(ConfiguredKeys.Hash(key)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string CacheKey(string hash) => "api-key:" + hash;
}
