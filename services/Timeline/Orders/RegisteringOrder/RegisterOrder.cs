using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Shipping.Contracts;

namespace Shipping.Timeline.Orders.RegisteringOrder;

/// <summary>Body of <c>POST /api/orders</c>. Dates are strings so a bad one is reported by field, not as unreadable JSON.</summary>
public sealed record RegisterOrderRequest(
    string? OrderNumber,
    CustomerRequest? Customer,
    string? PromisedDeliveryDate,
    IReadOnlyList<ShipmentRequest?>? Shipments);

/// <param name="TimeZone">The customer's IANA time zone, e.g. Europe/Berlin.</param>
public sealed record CustomerRequest(string? Name, string? Email, string? Phone, string? Locale, string? TimeZone = null);

public sealed record ShipmentRequest(string? Carrier, string? TrackingNumber);

/// <summary>A validated registration, normalised (carrier lower-case, tracking number without spaces, upper-case).</summary>
public sealed record RegisterOrder(string OrderNumber, Customer Customer, DateOnly? PromisedDeliveryDate, IReadOnlyList<(string Carrier, string TrackingNumber)> Shipments)
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

            if (!string.IsNullOrEmpty(customer.Email) && !IsEmail(customer.Email))
            {
                errors["customer.email"] = ["Not an email address."];
            }

            if (!string.IsNullOrEmpty(customer.Phone) && !Patterns.E164().IsMatch(customer.Phone))
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

        DateOnly? promised = null;
        if (!string.IsNullOrEmpty(request.PromisedDeliveryDate))
        {
            if (DateOnly.TryParseExact(request.PromisedDeliveryDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                promised = date;
            }
            else
            {
                errors["promisedDeliveryDate"] = ["Must be a date written yyyy-MM-dd."];
            }
        }

        var shipments = new List<(string, string)>();
        var requested = request.Shipments ?? [];
        for (var i = 0; i < requested.Count; i++)
        {
            var shipment = ValidateShipment(requested[i], $"shipments[{i}]", errors);
            if (shipments.Contains(shipment))
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
            new Customer(customer.Name!.Trim(), NullIfEmpty(customer.Email?.Trim()), NullIfEmpty(customer.Phone), locale, NullIfEmpty(customer.TimeZone)),
            promised,
            shipments), errors);
    }

    /// <summary>A shipment's carrier and tracking number, normalised; what is wrong goes into <paramref name="errors"/> under <paramref name="field"/>.</summary>
    public static (string Carrier, string TrackingNumber) ValidateShipment(ShipmentRequest? shipment, string field, Dictionary<string, string[]> errors)
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

        return (carrier, trackingNumber);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value.Trim();

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

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    public static partial Regex E164();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9\-]{1,31}$")]
    public static partial Regex Carrier();

    [GeneratedRegex(@"^[A-Z0-9]{4,64}$")]
    public static partial Regex TrackingNumber();
}
