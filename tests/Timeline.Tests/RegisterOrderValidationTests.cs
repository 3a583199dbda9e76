using Shipping.Timeline.Orders.RegisteringOrder;

namespace Shipping.Timeline.Tests;

public class RegisterOrderValidationTests
{
    private static RegisterOrderRequest Valid() => new(
        "1001",
        new CustomerRequest("Erika Mustermann", "erika@example.com", "+4915112345678", "de-DE"),
        "2026-11-26",
        [new ShipmentRequest("Simulator", " sim 1001 a ")]);

    [Fact]
    public void ValidRequest_IsNormalised()
    {
        var (command, errors) = RegisterOrder.From(Valid());

        Assert.Empty(errors);
        Assert.NotNull(command);
        Assert.Equal(("simulator", "SIM1001A"), Assert.Single(command.Shipments));
        Assert.Equal(new DateOnly(2026, 11, 26), command.PromisedDeliveryDate);
        Assert.Equal("de-DE", command.Customer.Locale);
    }

    [Fact]
    public void EveryInvalidField_IsNamed()
    {
        var request = new RegisterOrderRequest(
            "10 01/x",
            new CustomerRequest("", "not-an-email", "015112345678", "xx-nope-locale"),
            "26.11.2026",
            [new ShipmentRequest("", "AB"), null]);

        var (command, errors) = RegisterOrder.From(request);

        Assert.Null(command);
        Assert.Equal(
            ["customer.email", "customer.locale", "customer.name", "customer.phone", "orderNumber", "promisedDeliveryDate",
             "shipments[0].carrier", "shipments[0].trackingNumber", "shipments[1].carrier", "shipments[1].trackingNumber"],
            errors.Keys.Order().ToArray());
    }

    [Fact]
    public void MissingCustomer_IsNamed()
    {
        var (_, errors) = RegisterOrder.From(Valid() with { Customer = null });

        Assert.Equal(["customer"], errors.Keys.ToArray());
    }

    [Fact]
    public void SameShipmentTwice_IsRefused()
    {
        var (_, errors) = RegisterOrder.From(Valid() with { Shipments = [new ShipmentRequest("dhl", "123456"), new ShipmentRequest("DHL", "1234 56")] });

        Assert.Contains("shipments[1]", errors.Keys);
    }
}
