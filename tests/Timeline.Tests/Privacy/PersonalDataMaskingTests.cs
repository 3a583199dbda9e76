using Shipping.Contracts;
using Shipping.Timeline.Orders;
using Shipping.Timeline.Privacy;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.Tests.Privacy;

public class PersonalDataMaskingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly OrderRegistered Registered = new(
        "A-1001",
        new Customer("Erika Mustermann", "erika@example.com", "+4915112345678", "de-DE", "Europe/Berlin", SmsOptIn: true),
        new DateOnly(2026, 11, 26),
        [new OrderShipment(Guid.NewGuid(), "dhl", "JJD000390007", "express", new ShipmentOrigin("04435", "DE"))],
        At,
        new PostalAddress("Heidestraße", "17", "51147", "Köln", "DE", "Erika Mustermann"),
        new DateOnly(2026, 11, 25));

    [Fact]
    public void MaskedRegistration_HasNoNameEmailPhoneOrAddress_AndKeepsTheOrdersFacts()
    {
        var masked = PersonalDataMasking.Mask(Registered);

        Assert.Equal(new Customer("[erased]", null, null, "de-DE", "Europe/Berlin", SmsOptIn: false, EmailOptIn: false), masked.Customer);
        Assert.Null(masked.DeliveryAddress);
        Assert.Equal((Registered.OrderNumber, Registered.PromisedDeliveryDate, Registered.PromisedFrom, Registered.RegisteredAt),
            (masked.OrderNumber, masked.PromisedDeliveryDate, masked.PromisedFrom, masked.RegisteredAt));
        Assert.Equal(Registered.Shipments, masked.Shipments);
    }

    [Fact]
    public void MaskedDeliveryChange_HasNoNeighbourAddressOrSafePlace_AndKeepsDateParcelShopAndKind()
    {
        var asked = new DeliveryChangeRecorded(Guid.NewGuid(), DeliveryChangeKind.Neighbour,
            new DeliveryChangeDetails(new DateOnly(2026, 11, 27), "Schmidt", "12a", "PS-4711", new PostalAddress("Ringstraße", "3", "04109", "Leipzig", "DE"), "In the garage"),
            DeliveryChangeChannel.Sms, At);

        var masked = PersonalDataMasking.Mask(asked);

        Assert.Equal(new DeliveryChangeDetails(Date: new DateOnly(2026, 11, 27), ParcelShopId: "PS-4711"), masked.Details);
        Assert.Equal((asked.RequestId, asked.Kind, asked.Channel, asked.RequestedAt), (masked.RequestId, masked.Kind, masked.Channel, masked.RequestedAt));
    }

    [Fact]
    public void ErasureEvent_CleansTheInlineOrderDetails_LikeTheMaskedEvents()
    {
        var details = OrderDetailsProjection.Create(Registered);
        var erasure = new CustomerDataErasedRecorded(Guid.NewGuid(), "A-1001", At);

        new OrderDetailsProjection().Apply(erasure, details);

        Assert.Equal(PersonalDataMasking.Mask(Registered.Customer), details.Customer);
        Assert.Null(details.DeliveryAddress);
        Assert.Equal((erasure.ErasureId, At), (details.ErasureId, details.ErasedAt));
        Assert.Single(details.Shipments);
        Assert.Equal(OrderDetailsProjection.Create(PersonalDataMasking.Mask(Registered)).Customer, details.Customer);
    }

    [Fact]
    public void AfterErasure_ADeliveryChange_IsRefused_SoNoNeighbourOrAddressIsStoredAgain()
    {
        var shipment = Shipment.Create(new ShipmentOpened(Guid.NewGuid(), "A-1001", "dhl", "JJD000390007", null, At))
            .Apply(new ShipmentPersonalDataErased(Guid.NewGuid(), At));
        var request = new DeliveryChangeRequested(Guid.NewGuid(), "demo", shipment.Id, DeliveryChangeKind.Neighbour,
            new DeliveryChangeDetails(NeighbourName: "Schmidt"), DeliveryChangeChannel.TrackingPage, At);

        var refused = Assert.IsType<DeliveryChangeRefused>(Assert.Single(ShipmentDecider.RequestDeliveryChange(shipment, request, At)));

        Assert.Contains("erased", refused.Reason);
        Assert.False(refused.ByCarrier);
    }

    [Theory]
    [InlineData(" Erika@Example.COM ", null, "erika@example.com", null)]
    [InlineData(null, "+49 (151) 1234-5678", null, "+4915112345678")]
    [InlineData(null, "0049 151 12345678", null, "+4915112345678")]
    public void Customer_IsNamedLikeSearchNormalisesIt(string? email, string? phone, string? expectedEmail, string? expectedPhone)
    {
        var (key, errors) = CustomerKey.From(email, phone);

        Assert.Empty(errors);
        Assert.Equal(new CustomerKey(expectedEmail, expectedPhone), key);
    }

    [Theory]
    [InlineData(null, null, "email")]
    [InlineData("erika@example.com", "+4915112345678", "phone")]
    [InlineData(null, "(0151) 1234 5678", "phone")] // national: another person in every country
    [InlineData("erika.example.com", null, "email")]
    public void Customer_NamedByNeitherOrBothOrAmbiguously_IsAnError(string? email, string? phone, string field)
    {
        var (key, errors) = CustomerKey.From(email, phone);

        Assert.Null(key);
        Assert.Contains(field, errors.Keys);
    }
}
