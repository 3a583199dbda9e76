using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Caching.Memory;

namespace Shipping.Web.Branding;

/// <summary>
/// Serves a brand's https logo from Web itself (<c>/brand/{tenant}/logo</c>), so the customer's browser asks no third party
/// for it. Fetched at most once an hour per URL; only PNG, JPEG, WebP or GIF up to 64 KB; only from public addresses
/// (a retailer's URL cannot make Web reach into its own network); no redirects.
/// </summary>
public sealed class LogoProxy(IHttpClientFactory clients, IMemoryCache cache, ILogger<LogoProxy> logger)
{
    public const string ClientName = "brand-logos";
    public const int MaxBytes = 64 * 1024; // keeps the whole page under 100 KB with its logo
    private static readonly HashSet<string> Types = new(StringComparer.OrdinalIgnoreCase) { "image/png", "image/jpeg", "image/webp", "image/gif" };

    public sealed record Logo(byte[] Content, string ContentType);

    public async Task<Logo?> GetAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        if (cache.TryGetValue(url, out Logo? cached))
        {
            return cached;
        }

        Logo? logo = null;
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
            var type = response.Content.Headers.ContentType?.MediaType;
            if (response.IsSuccessStatusCode && type is not null && Types.Contains(type) && response.Content.Headers.ContentLength is null or <= MaxBytes)
            {
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                using var buffer = new MemoryStream();
                var chunk = new byte[16 * 1024];
                int read;
                while ((read = await body.ReadAsync(chunk, ct)) > 0 && buffer.Length <= MaxBytes)
                {
                    buffer.Write(chunk, 0, read);
                }

                logo = buffer.Length <= MaxBytes ? new Logo(buffer.ToArray(), type) : null;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            logger.LogInformation("A brand logo could not be fetched from {Host}: {Error}", uri.Host, e.Message);
        }

        cache.Set(url, logo, TimeSpan.FromHours(logo is null ? 0.1 : 1));
        return logo;
    }

    /// <summary>The handler of <see cref="ClientName"/>: connects only to public addresses, follows no redirect.</summary>
    public static SocketsHttpHandler Handler() => new()
    {
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var address = addresses.FirstOrDefault(IsPublic) ?? throw new HttpRequestException("The logo's host has no public address.");
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>Not loopback, private, link-local, carrier-grade NAT, unique-local or unspecified.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
                     || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224);
        }

        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
    }
}
