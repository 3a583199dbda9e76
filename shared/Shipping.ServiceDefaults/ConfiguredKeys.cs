using System.Security.Cryptography;
using System.Text;

namespace Shipping.ServiceDefaults;

/// <summary>
/// Secrets from configuration that name who holds them (a retailer's bootstrap API keys, the platform's service keys),
/// held as SHA-256 hashes computed once, and matched in constant time: every candidate is compared, whichever matches.
/// </summary>
public sealed class ConfiguredKeys
{
    private readonly List<(byte[] Hash, string Owner)> _keys;

    public ConfiguredKeys(IEnumerable<(string? Key, string Owner)> keys) =>
        _keys = keys.Where(k => !string.IsNullOrWhiteSpace(k.Key)).Select(k => (Hash(k.Key!), k.Owner)).ToList();

    /// <summary>Who holds <paramref name="key"/>, or null.</summary>
    public string? FindOwner(string key)
    {
        var hash = Hash(key);
        string? found = null;
        foreach (var (candidate, owner) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, hash))
            {
                found = owner;
            }
        }

        return found;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
