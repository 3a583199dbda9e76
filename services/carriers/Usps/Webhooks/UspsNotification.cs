namespace Shipping.Carriers.Usps.Webhooks;

/// <summary>
/// The body USPS posts to the subscription's listener URL (<c>scanEventEx</c> / <c>detailedScanEventEx</c> in
/// Subscriptions - Tracking v3r2). <see cref="Payload"/> is the tracking detail as a JSON string, parsed a second time.
/// </summary>
public sealed record UspsNotification(string? SubscriptionId, string? SubscriptionType, string? Timestamp, string? Payload);
