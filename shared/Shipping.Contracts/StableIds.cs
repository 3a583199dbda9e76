using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Shipping.Contracts;

/// <summary>
/// Deterministic ids for facts, so that every service that sees the same fact names it the same way.
/// </summary>
public static class StableIds
{
    /// <summary>
    /// Id of a carrier scan: carrier + tracking number + event instant + carrier code, hashed.
    /// The instant is taken in UTC, so the same scan written with two different offsets is one scan, and the
    /// tracking number is normalised (<see cref="TrackingNumbers.Normalise"/>).
    /// </summary>
    public static Guid ForCarrierScan(string carrier, string trackingNumber, DateTimeOffset occurredAt, string rawCode) =>
        From("scan",
            carrier.ToLowerInvariant(),
            TrackingNumbers.Normalise(trackingNumber),
            occurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            rawCode.Trim().ToUpperInvariant());

    /// <summary>A name-based id (RFC 9562 version 8 layout) from the SHA-256 of the parts.</summary>
    public static Guid From(params string[] parts)
    {
        // Length-prefix each part so ("ab","c") and ("a","bc") differ.
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('|');
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true);
    }
}
