using System.Text.Json;
using System.Text.Json.Serialization;
using Shipping.Contracts;

namespace Shipping.Timeline.RetailerWebhooks;

/// <summary>
/// The body of a webhook, version 1 (see README.md beside this file). Field names are camelCase, enums their
/// canonical names, times ISO 8601 with their offsets. No customer personal data: the retailer looks the customer up
/// by order number. New fields may be added within a version; removing or changing one makes a new version.
/// </summary>
public sealed record WebhookEnvelope<TData>(Guid Id, string Type, int Version, DateTimeOffset OccurredAt, TData Data);

public sealed record ShipmentStatusChangedData(
    Guid ShipmentId, string OrderNumber, string Carrier, string TrackingNumber,
    TrackingStatus PreviousStatus, TrackingStatus Status, TrackingSubstatus Substatus);

public sealed record ShipmentDelayedData(
    Guid ShipmentId, string OrderNumber, string Carrier, string TrackingNumber,
    DelayReason Reason, DateOnly? PromisedDeliveryDate, DeliveryEstimate? PreviousEstimate, DeliveryEstimate? NewEstimate);

public static class WebhookPayload
{
    public const int Version = 1;
    public const string StatusChangedType = "shipment.status_changed";
    public const string DelayedType = "shipment.delayed";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static (Guid Id, string Type, string Body) For(ShipmentStatusChanged m) => Serialize(new WebhookEnvelope<ShipmentStatusChangedData>(
        m.ChangeId, StatusChangedType, Version, m.OccurredAt,
        new ShipmentStatusChangedData(m.ShipmentId, m.OrderNumber, m.Carrier, m.TrackingNumber, m.PreviousStatus, m.Status, m.Substatus)));

    public static (Guid Id, string Type, string Body) For(ShipmentDelayed m) => Serialize(new WebhookEnvelope<ShipmentDelayedData>(
        m.DelayId, DelayedType, Version, m.DetectedAt,
        new ShipmentDelayedData(m.ShipmentId, m.OrderNumber, m.Carrier, m.TrackingNumber, m.Reason, m.PromisedDeliveryDate, m.PreviousEstimate, m.NewEstimate)));

    private static (Guid, string, string) Serialize<T>(WebhookEnvelope<T> envelope) =>
        (envelope.Id, envelope.Type, JsonSerializer.Serialize(envelope, Json));
}
