using Microsoft.Extensions.Options;

namespace Shipping.Carriers.Dhl.Tracking;

/// <summary>Puts the configured API key on every call to DHL (<c>DHL-API-Key</c>, the spec's ApiKeyAuth scheme).</summary>
public sealed class DhlApiKeyHandler(IOptionsMonitor<DhlOptions> options) : DelegatingHandler
{
    public const string Header = "DHL-API-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Remove(Header);
        request.Headers.TryAddWithoutValidation(Header, options.CurrentValue.ApiKey);
        return base.SendAsync(request, ct);
    }
}
