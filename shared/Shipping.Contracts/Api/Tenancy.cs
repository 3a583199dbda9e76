namespace Shipping.Contracts.Api;

/// <summary><c>POST /api/api-keys</c>: a new key for the calling tenant, with an optional label.</summary>
public sealed record IssueApiKeyRequest(string? Label);

/// <summary>A key just issued. <see cref="Key"/> is never shown again: only its hash is stored.</summary>
public sealed record IssuedApiKey(Guid KeyId, string Key, string Prefix, string? Label, DateTimeOffset CreatedAt);

/// <summary>An issued key as listed: its prefix, never the key.</summary>
public sealed record ApiKeyInfo(Guid KeyId, string Prefix, string? Label, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
