using System.Globalization;
using System.Text.RegularExpressions;
using Shipping.Contracts;

namespace Shipping.Timeline.Orders.RegisteringOrder;

/// <summary>Body of <c>POST /api/orders</c>. Dates are strings so a bad one is reported by field, not as unreadable JSON.</summary>
/// <param name="PromisedDeliveryDate">The day promised to the customer (yyyy-MM-dd); or give <paramref name="PromisedDeliveryWindow"/>.</param>
/// <param name="PromisedDeliveryWindow">The days promised, e.g. 27 to 29 November; or give <paramref name="PromisedDeliveryDate"/>.</param>
public sealed record RegisterOrderRequest(
    string? OrderNumber,
    CustomerRequest? Customer,
    string? PromisedDeliveryDate,
    IReadOnlyList<ShipmentRequest?>? Shipments,
    AddressRequest? DeliveryAddress = null,
    DeliveryWindowRequest? PromisedDeliveryWindow = null);

/// <param name="TimeZone">The customer's IANA time zone, e.g. Europe/Berlin.</param>
/// <param name="SmsOptIn">The customer agreed to SMS alerts at checkout (default: no).</param>
/// <param name="EmailOptIn">The customer may get email alerts (default: yes).</param>
public sealed record CustomerRequest(
    string? Name, string? Email, string? Phone, string? Locale, string? TimeZone = null, bool? SmsOptIn = null, bool? EmailOptIn = null);

/// <param name="CountryCode">ISO 3166-1 alpha-2, e.g. DE.</param>
public sealed record AddressRequest(string? Name, string? Street, string? HouseNumber, string? PostalCode, string? City, string? CountryCode);

/// <summary>A promised window of days, both written yyyy-MM-dd.</summary>
public sealed record DeliveryWindowRequest(string? From, string? To);

/// <param name="Service">The carrier service booked, e.g. express or standard.</param>
/// <param name="Origin">Where the parcel leaves from (the warehouse): its postcode region feeds delivery predictions.</param>
public sealed record ShipmentRequest(string? Carrier, string? TrackingNumber, string? Service = null, OriginRequest? Origin = null);

public sealed record OriginRequest(string? PostalCode, string? CountryCode);

/// <summary>A shipment to register, validated and normalised.</summary>
public sealed record NewShipment(string Carrier, string TrackingNumber, string? Service, ShipmentOrigin? Origin);

/// <summary>A validated registration, normalised (carrier lower-case, tracking number without spaces, upper-case).</summary>
/// <param name="PromisedDeliveryDate">The last promised day.</param>
/// <param name="PromisedFrom">The first promised day of a window.</param>
public sealed record RegisterOrder(
    string OrderNumber,
    Customer Customer,
    DateOnly? PromisedDeliveryDate,
    IReadOnlyList<NewShipment> Shipments,
    PostalAddress? DeliveryAddress = null,
    DateOnly? PromisedFrom = null)
{
    public static (RegisterOrder? Command, Dictionary<string, string[]> Errors) From(RegisterOrderRequest request)
    {
        var errors = new Dictionary<string, string[]>();

        var orderNumber = request.OrderNumber?.Trim() ?? "";
        if (!Patterns.OrderNumber().IsMatch(orderNumber))
        {
            errors["orderNumber"] = ["Required: 1 to 64 letters, digits or - _ . #"];
        }

        var customer = request.Customer;
        if (customer is null)
        {
            errors["customer"] = ["The customer is required."];
        }
        else
        {
            if (string.IsNullOrWhiteSpace(customer.Name) || customer.Name.Length > 200)
            {
                errors["customer.name"] = ["Required, at most 200 characters."];
            }

            if (!string.IsNullOrEmpty(customer.Email) && !ContactFormats.IsEmail(customer.Email))
            {
                errors["customer.email"] = ["Not an email address."];
            }

            if (!string.IsNullOrEmpty(customer.Phone) && !ContactFormats.IsE164(customer.Phone))
            {
                errors["customer.phone"] = ["Must be in E.164 form, e.g. +4915112345678."];
            }

            if (!string.IsNullOrEmpty(customer.Locale) && !IsLocale(customer.Locale))
            {
                errors["customer.locale"] = ["Not a locale, e.g. de-DE or en."];
            }

            if (!string.IsNullOrEmpty(customer.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(customer.TimeZone, out _))
            {
                errors["customer.timeZone"] = ["Not an IANA time zone, e.g. Europe/Berlin."];
            }
        }

        var promised = ParseDate(request.PromisedDeliveryDate, "promisedDeliveryDate", errors);
        DateOnly? promisedFrom = null;
        if (request.PromisedDeliveryWindow is { } window)
        {
            if (request.PromisedDeliveryDate is not null)
            {
                errors["promisedDeliveryWindow"] = ["Give a promised date or a promised window, not both."];
            }

            promisedFrom = ParseDate(window.From, "promisedDeliveryWindow.from", errors, required: true);
            var to = ParseDate(window.To, "promisedDeliveryWindow.to", errors, required: true);
            if (promisedFrom is { } from && to is { } last)
            {
                if (last < from)
                {
                    errors["promisedDeliveryWindow.to"] = ["Must not be before the window's first day."];
                }
                else if (last.DayNumber - from.DayNumber > 31)
                {
                    errors["promisedDeliveryWindow.to"] = ["A promised window spans at most 31 days."];
                }
            }

            promised = to;
        }

        var address = ValidateAddress(request.DeliveryAddress, "deliveryAddress", errors);

        var shipments = new List<NewShipment>();
        var requested = request.Shipments ?? [];
        for (var i = 0; i < requested.Count; i++)
        {
            var shipment = ValidateShipment(requested[i], $"shipments[{i}]", errors);
            if (shipments.Any(s => (s.Carrier, s.TrackingNumber) == (shipment.Carrier, shipment.TrackingNumber)))
            {
                errors[$"shipments[{i}]"] = ["This shipment is listed twice."];
            }

            shipments.Add(shipment);
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var locale = string.IsNullOrEmpty(customer!.Locale) ? "en" : CultureInfo.GetCultureInfo(customer.Locale).Name;
        return (new RegisterOrder(
            orderNumber,
            new Customer(customer.Name!.Trim(), NullIfEmpty(customer.Email?.Trim()), NullIfEmpty(customer.Phone), locale, NullIfEmpty(customer.TimeZone),
                customer.SmsOptIn ?? false, customer.EmailOptIn ?? true),
            promised,
            shipments,
            address,
            promisedFrom == promised ? null : promisedFrom), errors);
    }

    private static DateOnly? ParseDate(string? value, string field, Dictionary<string, string[]> errors, bool required = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                errors[field] = ["Required: a date written yyyy-MM-dd."];
            }

            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = ["Must be a date written yyyy-MM-dd."];
        return null;
    }

    private static PostalAddress? ValidateAddress(AddressRequest? address, string field, Dictionary<string, string[]> errors)
    {
        if (address is null)
        {
            return null;
        }

        Require(address.Street, $"{field}.street", 200);
        Require(address.PostalCode, $"{field}.postalCode", 16);
        Require(address.City, $"{field}.city", 100);
        if (address.HouseNumber?.Length > 32)
        {
            errors[$"{field}.houseNumber"] = ["At most 32 characters."];
        }

        if (address.Name?.Length > 200)
        {
            errors[$"{field}.name"] = ["At most 200 characters."];
        }

        var country = address.CountryCode?.Trim().ToUpperInvariant() ?? "";
        if (!Patterns.Country().IsMatch(country))
        {
            errors[$"{field}.countryCode"] = ["Required: the ISO 3166-1 alpha-2 code, e.g. DE."];
        }

        return new PostalAddress(
            address.Street?.Trim() ?? "", NullIfEmpty(address.HouseNumber?.Trim()), address.PostalCode?.Trim() ?? "", address.City?.Trim() ?? "", country,
            NullIfEmpty(address.Name?.Trim()));

        void Require(string? value, string name, int max)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > max)
            {
                errors[name] = [$"Required, at most {max} characters."];
            }
        }
    }

    /// <summary>A shipment, normalised; what is wrong goes into <paramref name="errors"/> under <paramref name="field"/>.</summary>
    public static NewShipment ValidateShipment(ShipmentRequest? shipment, string field, Dictionary<string, string[]> errors)
    {
        var carrier = shipment?.Carrier?.Trim().ToLowerInvariant() ?? "";
        var trackingNumber = TrackingNumbers.Normalise(shipment?.TrackingNumber ?? "");
        if (!Patterns.Carrier().IsMatch(carrier))
        {
            errors[$"{field}.carrier"] = ["Required: the carrier's name, e.g. dhl, ups, simulator."];
        }

        if (!Patterns.TrackingNumber().IsMatch(trackingNumber))
        {
            errors[$"{field}.trackingNumber"] = ["Required: 4 to 64 letters or digits."];
        }

        var service = NullIfEmpty(shipment?.Service?.Trim().ToLowerInvariant());
        if (service is not null && !Patterns.Service().IsMatch(service))
        {
            errors[$"{field}.service"] = ["1 to 64 letters, digits, - or _, e.g. express."];
        }

        ShipmentOrigin? origin = null;
        if (shipment?.Origin is { } from)
        {
            var country = from.CountryCode?.Trim().ToUpperInvariant() ?? "";
            if (!Patterns.Country().IsMatch(country))
            {
                errors[$"{field}.origin.countryCode"] = ["Required: the ISO 3166-1 alpha-2 code, e.g. DE."];
            }

            if (string.IsNullOrWhiteSpace(from.PostalCode) || from.PostalCode.Length > 16)
            {
                errors[$"{field}.origin.postalCode"] = ["Required, at most 16 characters."];
            }

            origin = new ShipmentOrigin(from.PostalCode?.Trim() ?? "", country);
        }

        return new NewShipment(carrier, trackingNumber, service, origin);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool IsLocale(string value)
    {
        try
        {
            return !CultureInfo.GetCultureInfo(value, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}

internal static partial class Patterns
{
    [GeneratedRegex(@"^[A-Za-z0-9\-_.#]{1,64}$")]
    public static partial Regex OrderNumber();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9\-]{1,31}$")]
    public static partial Regex Carrier();

    [GeneratedRegex(@"^[A-Z0-9]{4,64}$")]
    public static partial Regex TrackingNumber();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9\-_]{0,63}$")]
    public static partial Regex Service();

    [GeneratedRegex(@"^[A-Z]{2}$")]
    public static partial Regex Country();
}
