using Microsoft.Extensions.Options;
using Shipping.Contracts.Api;

namespace Shipping.Web.Timeline;

/// <summary>Adds Web's service key to every call to Timeline; each call names its tenant itself (<see cref="ITimelineServiceApi"/>).</summary>
public sealed class ServiceKeyHandler(IOptions<WebOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(ITimelineServiceApi.ServiceKeyHeader);
        request.Headers.Add(ITimelineServiceApi.ServiceKeyHeader, options.Value.Timeline.ServiceKey);
        return base.SendAsync(request, cancellationToken);
    }
}
