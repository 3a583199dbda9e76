using Shipping.Contracts;

namespace Shipping.Notifications.Alerts;

/// <summary>
/// A delay as Notifications received it (recorded by <see cref="Deciding.DecideDelayAlertConsumer"/>, which also decides the
/// alert itself: see <see cref="Alert"/>). Keyed by the fact that caused it (the delay's id), so a redelivered
/// message finds the alert already there instead of owing the customer a second one.
/// </summary>
public sealed class DueAlert
{
    public Guid Id { get; set; }
    public string TenantId { get; set; } = "";
    public Guid ShipmentId { get; set; }
    public string OrderNumber { get; set; } = "";
    public string Carrier { get; set; } = "";
    public string TrackingNumber { get; set; } = "";
    public AlertTrigger Trigger { get; set; }
    public DelayReason? DelayReason { get; set; }
    public DateOnly? PromisedDeliveryDate { get; set; }
    public DeliveryEstimate? NewEstimate { get; set; }
    public DateTimeOffset DueSince { get; set; }
}

public enum AlertTrigger
{
    Delay,
}
