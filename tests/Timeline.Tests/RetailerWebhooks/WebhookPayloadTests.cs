using System.Text.Json;
using Shipping.Contracts;
using Shipping.Timeline.RetailerWebhooks;

namespace Shipping.Timeline.Tests.RetailerWebhooks;

public class WebhookPayloadTests
{
    [Fact]
    public void StatusChange_IsVersionOneEnvelope_WithNamesAndOffsetsKept()
    {
        var changeId = Guid.NewGuid();
        var message = new ShipmentStatusChanged(changeId, Guid.NewGuid(), "acme", "1001", "dhl", "JD0001", TrackingStatus.InTransit,
            TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified, new DateTimeOffset(2026, 11, 25, 7, 30, 0, TimeSpan.FromHours(1)), Guid.NewGuid());

        var (id, type, body) = WebhookPayload.For(message);

        Assert.Equal(changeId, id);
        Assert.Equal("shipment.status_changed", type);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(changeId, root.GetProperty("id").GetGuid());
        Assert.Equal("shipment.status_changed", root.GetProperty("type").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("2026-11-25T07:30:00+01:00", root.GetProperty("occurredAt").GetString());
        var data = root.GetProperty("data");
        Assert.Equal("1001", data.GetProperty("orderNumber").GetString());
        Assert.Equal("OutForDelivery", data.GetProperty("status").GetString());
        Assert.Equal("InTransit", data.GetProperty("previousStatus").GetString());
        Assert.DoesNotContain("acme", body);
    }

    [Fact]
    public void Delay_CarriesReasonAndDates()
    {
        var message = new ShipmentDelayed(Guid.NewGuid(), Guid.NewGuid(), "acme", "1001", "dhl", "JD0001", DelayReason.LateCarrierEstimate,
            new DateOnly(2026, 11, 26), null, new DeliveryEstimate(new DateOnly(2026, 11, 28)), DateTimeOffset.Parse("2026-11-23T09:15:00+01:00"));

        var (_, type, body) = WebhookPayload.For(message);

        Assert.Equal("shipment.delayed", type);
        using var json = JsonDocument.Parse(body);
        var data = json.RootElement.GetProperty("data");
        Assert.Equal("LateCarrierEstimate", data.GetProperty("reason").GetString());
        Assert.Equal("2026-11-26", data.GetProperty("promisedDeliveryDate").GetString());
        Assert.Equal("2026-11-28", data.GetProperty("newEstimate").GetProperty("date").GetString());
    }
}
