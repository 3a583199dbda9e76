using Shipping.Contracts;
using Shipping.Timeline.Orders;
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
        Assert.Equal(new NewShipment("simulator", "SIM1001A", null, null), Assert.Single(command.Shipments));
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

    [Fact]
    public void AddressWindowConsentAndRoute_AreKept_Normalised()
    {
        var (command, errors) = RegisterOrder.From(Valid() with
        {
            PromisedDeliveryDate = null,
            PromisedDeliveryWindow = new DeliveryWindowRequest("2026-11-27", "2026-11-29"),
            DeliveryAddress = new AddressRequest(" Erika Mustermann ", " Heidestraße ", "17", " 51147 ", "Köln", "de"),
            Customer = Valid().Customer! with { SmsOptIn = true, EmailOptIn = false, TimeZone = "Europe/Berlin" },
            Shipments = [new ShipmentRequest("dhl", "JJD0001", " Express ", new OriginRequest("04435", "de"))],
        });

        Assert.Empty(errors);
        Assert.NotNull(command);
        Assert.Equal(new DateOnly(2026, 11, 27), command.PromisedFrom);
        Assert.Equal(new DateOnly(2026, 11, 29), command.PromisedDeliveryDate);
        Assert.Equal(new PostalAddress("Heidestraße", "17", "51147", "Köln", "DE", "Erika Mustermann"), command.DeliveryAddress);
        Assert.True(command.Customer.SmsOptIn);
        Assert.False(command.Customer.EmailOptIn);
        Assert.Equal(new NewShipment("dhl", "JJD0001", "express", new ShipmentOrigin("04435", "DE")), Assert.Single(command.Shipments));
    }

    [Fact]
    public void ConsentDefaults_AreNoSmsButEmail()
    {
        var (command, _) = RegisterOrder.From(Valid());

        Assert.False(command!.Customer.SmsOptIn);
        Assert.True(command.Customer.EmailOptIn);
    }

    [Fact]
    public void InvalidAddressWindowAndOrigin_AreNamedByField()
    {
        var (command, errors) = RegisterOrder.From(Valid() with
        {
            PromisedDeliveryWindow = new DeliveryWindowRequest("2026-11-29", "2026-11-27"),
            DeliveryAddress = new AddressRequest(null, "", null, null, "Köln", "Germany"),
            Shipments = [new ShipmentRequest("dhl", "JJD0001", "next day!", new OriginRequest("", "DE"))],
        });

        Assert.Null(command);
        Assert.Equal(
            ["deliveryAddress.countryCode", "deliveryAddress.postalCode", "deliveryAddress.street", "promisedDeliveryWindow",
             "promisedDeliveryWindow.to", "shipments[0].origin.postalCode", "shipments[0].service"],
            errors.Keys.Order().ToArray());
    }

    [Theory]
    [InlineData("DE", "04435", "DE-04")]
    [InlineData("de", " 80331 ", "DE-80")]
    [InlineData("US", "10001-1234", "US-100")]
    [InlineData("GB", "SW1A 1AA", "GB-SW")]
    [InlineData("GB", "M1 1AE", "GB-M")]
    [InlineData("NL", "1012 JS", "NL-10")]
    [InlineData("DE", "", null)]
    [InlineData(null, "04435", null)]
    [InlineData("US", "10", null)]
    public void PostcodeRegion_IsCoarse(string? country, string? postcode, string? region) =>
        Assert.Equal(region, Shipping.Timeline.Shipments.PostcodeRegions.Of(country, postcode));
}
