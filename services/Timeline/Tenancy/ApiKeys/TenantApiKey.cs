using Marten.Schema;

namespace Shipping.Timeline.Tenancy.ApiKeys;

/// <summary>
/// An API key issued to a tenant. Only its SHA-256 hash is stored (the key is shown once, when issued). Not tenanted:
/// a request is matched to its tenant by this document, before the tenant is known.
/// </summary>
[SingleTenanted]
public sealed class TenantApiKey
{
    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public string Id { get; set; } = "";
    public Guid KeyId { get; set; }
    public string TenantId { get; set; } = "";

    /// <summary>The key's first characters, so a retailer can tell its keys apart.</summary>
    public string Prefix { get; set; } = "";
    public string? Label { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
