using System.Net;

namespace Shipping.Carriers.Ups.Tracking;

/// <summary>
/// The token source reports UPS refusing the client credentials as an <see cref="HttpRequestException"/> with a 4xx
/// status, which the resilience handler outside would retry as if the network had failed: three more token requests
/// with the same bad credentials. This turns it into <see cref="UpsCredentialsRefusedException"/>, which no retry
/// takes for transient. Only the token source throws such an exception here; UPS's own answers arrive as responses.
/// </summary>
public sealed class RefusedCredentialsHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await base.SendAsync(request, ct);
        }
        catch (HttpRequestException e) when (e.StatusCode is >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError)
        {
            throw new UpsCredentialsRefusedException(e);
        }
    }
}

public sealed class UpsCredentialsRefusedException(HttpRequestException refusal)
    : Exception($"UPS refused the OAuth client credentials ({UpsOptions.Section}:ClientId/ClientSecret): {refusal.Message}", refusal);
