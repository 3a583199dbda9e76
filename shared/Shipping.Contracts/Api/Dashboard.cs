namespace Shipping.Contracts.Api;

/// <summary>
/// <c>GET /api/dashboard?from=…&amp;to=…</c>: a tenant's figures over UTC days <see cref="From"/> to <see cref="To"/> (inclusive).
/// Each fact counts on the UTC day it happened: a shipment on the day it was registered, a delivery on the day of the
/// delivery scan, a delay on the day it was detected, an alert on the day it was sent, a request on the day it was made.
/// </summary>
/// <param name="Shipments">Shipments registered.</param>
/// <param name="Delivered">Shipments delivered.</param>
/// <param name="DeliveredOnTime">Of those, delivered on or before the promised date (or within the promised window).</param>
/// <param name="OnTimeRate"><see cref="DeliveredOnTime"/> / the deliveries that had a promise; null when none had.</param>
/// <param name="Delays">Delays detected, by carrier and reason.</param>
/// <param name="AlertsSent">Alerts Notifications sent (each alert once, whatever number of shipments it is about).</param>
/// <param name="CustomerReplies">Delivery-change requests made by SMS or email.</param>
/// <param name="ReplyRate"><see cref="CustomerReplies"/> / <see cref="AlertsSent"/>; null when no alert was sent.</param>
/// <param name="SelfServiceRequests">Delivery-change requests made on the tracking page.</param>
/// <param name="SelfServiceRate"><see cref="SelfServiceRequests"/> / <see cref="Shipments"/>; null when no shipment was registered.</param>
/// <param name="AgentRequests">Delivery-change requests made by support agents.</param>
/// <param name="Ratings">Customer ratings given (a rating given again counts on its new day only).</param>
/// <param name="AverageRating">The average number of stars of those; null when none.</param>
public sealed record DashboardFigures(
    DateOnly From,
    DateOnly To,
    int Shipments,
    int Delivered,
    int DeliveredOnTime,
    double? OnTimeRate,
    IReadOnlyList<DelayCount> Delays,
    int AlertsSent,
    IReadOnlyList<ChannelCount> AlertsByChannel,
    int CustomerReplies,
    double? ReplyRate,
    int SelfServiceRequests,
    double? SelfServiceRate,
    int AgentRequests,
    int Ratings,
    double? AverageRating,
    IReadOnlyList<DailyFigures> Days);

/// <summary>Delays detected for one carrier's shipments, for one reason.</summary>
public sealed record DelayCount(string Carrier, DelayReason Reason, int Count);

/// <summary>Alerts sent on one channel.</summary>
public sealed record ChannelCount(AlertChannel Channel, int Count);

/// <summary>One UTC day's figures.</summary>
public sealed record DailyFigures(DateOnly Day, int Delivered, int DeliveredOnTime, int Delays, int AlertsSent);
