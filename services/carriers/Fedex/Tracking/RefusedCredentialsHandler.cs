using System.Net;

namespace Shipping.Carriers.Fedex.Tracking;

/// <summary>
/// Makes FedEx refusing the OAuth client credentials final for the lookup. The token source reports a refusal as an
/// <see cref="HttpRequestException"/>, which the standard resilience handler takes for a network fault and retries with
/// backoff: four token requests and seconds of waiting per lookup, for credentials that will not get better.
/// </summary>
internal sealed class RefusedCredentialsHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e) when (e.StatusCode is { } status && IsRefusal(status))
        {
            throw new FedexCredentialsRefusedException(e.Message, e);
        }
    }

    // Only the token source throws with a status; a 408 or 429 from the token endpoint is still worth another try.
    private static bool IsRefusal(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
}

/// <summary>FedEx refused the configured client id and secret.</summary>
public sealed class FedexCredentialsRefusedException(string message, Exception inner) : Exception(message, inner);
