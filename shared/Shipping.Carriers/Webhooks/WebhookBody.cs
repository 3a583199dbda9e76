using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Shipping.Carriers.Webhooks;

/// <summary>Reads a webhook's raw body (signatures are over the exact bytes), refusing oversized ones.</summary>
public static class WebhookBody
{
    /// <summary>Carrier webhooks are small; 256 KiB holds a long journey with room to spare.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/> (refused before or while reading).</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct, int maxBytes = MaxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
