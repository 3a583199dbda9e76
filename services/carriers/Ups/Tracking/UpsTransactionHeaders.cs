using Microsoft.Extensions.Options;

namespace Shipping.Carriers.Ups.Tracking;

/// <summary>
/// Puts UPS's required <c>transId</c> (unique per request, at most 32 characters) and <c>transactionSrc</c> headers on
/// every call. It sits inside the resilience handler, so each attempt is a request of its own with its own id.
/// </summary>
public sealed class UpsTransactionHeaders(IOptionsMonitor<UpsOptions> options) : DelegatingHandler
{
    public const string TransId = "transId";
    public const string TransactionSrc = "transactionSrc";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Remove(TransId);
        request.Headers.Remove(TransactionSrc);
        request.Headers.TryAddWithoutValidation(TransId, Guid.NewGuid().ToString("N"));
        request.Headers.TryAddWithoutValidation(TransactionSrc, options.CurrentValue.TransactionSource);
        return base.SendAsync(request, ct);
    }
}
