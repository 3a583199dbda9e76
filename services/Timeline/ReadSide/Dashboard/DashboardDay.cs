using System.Globalization;
using Shipping.Contracts;

namespace Shipping.Timeline.ReadSide.Dashboard;

/// <summary>
/// One tenant's figures for one UTC day (id <c>yyyy-MM-dd</c>), kept by <see cref="DashboardProjection"/> (async).
/// A dashboard over a range reads one small document per day.
/// </summary>
public sealed class DashboardDay
{
    public string Id { get; set; } = "";
    public int Shipments { get; set; }
    public int Delivered { get; set; }

    /// <summary>Deliveries of shipments that had a promise: what the on-time rate is reckoned against.</summary>
    public int DeliveredWithPromise { get; set; }
    public int DeliveredOnTime { get; set; }

    /// <summary>Delays detected, by <c>carrier|reason</c>.</summary>
    public Dictionary<string, int> Delays { get; set; } = [];
    public int AlertsSent { get; set; }
    public Dictionary<AlertChannel, int> AlertsByChannel { get; set; } = [];

    /// <summary>Delivery-change requests, by the channel they came through.</summary>
    public Dictionary<DeliveryChangeChannel, int> Requests { get; set; } = [];
    public int Ratings { get; set; }
    public int Stars { get; set; }

    public static string IdFor(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string IdFor(DateTimeOffset moment) => IdFor(DateOnly.FromDateTime(moment.UtcDateTime));

    public static string DelayKey(string carrier, DelayReason reason) => $"{carrier}|{reason}";
}

/// <summary>What the dashboard remembers of a shipment: its carrier and promise, and whether its delivery was counted.</summary>
public sealed class DashboardShipment
{
    public Guid Id { get; set; }
    public string Carrier { get; set; } = "";
    public DateOnly? PromisedFrom { get; set; }
    public DateOnly? PromisedDeliveryDate { get; set; }
    public bool DeliveryCounted { get; set; }
}

/// <summary>An alert counted (an alert about several shipments is recorded on each of their streams: it counts once).</summary>
public sealed class DashboardAlert
{
    public Guid Id { get; set; }
}
