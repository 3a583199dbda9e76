using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace Shipping.Carriers.EasyPost.Tracking;

/// <summary>EasyPost's HTTP Basic authentication: the API key as the user name, no password.</summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<EasyPostOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Authorization = Header(options.CurrentValue.ApiKey);
        return base.SendAsync(request, ct);
    }

    public static AuthenticationHeaderValue Header(string apiKey) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":")));
}
