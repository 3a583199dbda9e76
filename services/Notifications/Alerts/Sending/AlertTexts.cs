using System.Globalization;
using Shipping.Contracts;
using Shipping.Notifications.Brands;
using Shipping.Notifications.Shipments;

namespace Shipping.Notifications.Alerts.Sending;

/// <summary>The words of every alert, in English and German: headline, details and the numbered choices.</summary>
public static class AlertTexts
{
    public static readonly IReadOnlyList<string> Languages = ["en", "de"];

    public static string Pick(string language) => Languages.Contains(language) ? language : "en";

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == "de" ? "de-DE" : "en-GB");

    /// <summary>"Fri 28 Nov" / "Fr. 28. Nov."</summary>
    public static string Day(DateOnly date, string language)
    {
        if (language != "de")
        {
            return date.ToString("ddd d MMM", Culture(language));
        }

        // ICU writes "Fr 27. Nov.": German abbreviates the weekday with a full stop.
        var format = Culture(language).DateTimeFormat;
        return $"{format.GetAbbreviatedDayName(date.DayOfWeek).TrimEnd('.')}. {date.ToString("d. MMM", Culture(language))}";
    }

    public static string Headline(Alert alert, IReadOnlyList<TrackedShipment> shipments, string language)
    {
        var de = language == "de";
        var many = alert.ShipmentIds.Count > 1;
        var parcel = many
            ? (de ? $"{alert.ShipmentIds.Count} Pakete Ihrer Bestellung {alert.OrderNumber}" : $"{alert.ShipmentIds.Count} parcels of your order {alert.OrderNumber}")
            : (de ? $"Ihr Paket {Tracking(alert, shipments)}" : $"Your parcel {Tracking(alert, shipments)}");
        var estimate = alert.PrimarySubject?.Estimate?.Date;
        return alert.Family switch
        {
            AlertFamily.Problem => alert.PrimarySubject?.Reason switch
            {
                AlertReason.AttemptFail => de
                    ? $"{parcel} konnte{(many ? "n" : "")} heute nicht zugestellt werden."
                    : $"{parcel} could not be delivered today.",
                AlertReason.Exception => de
                    ? $"Es gibt ein Problem mit {(many ? parcel.Replace("Pakete Ihrer", "Paketen Ihrer", StringComparison.Ordinal) : parcel.Replace("Ihr Paket", "Ihrem Paket", StringComparison.Ordinal))}."
                    : $"There is a problem with {Lower(parcel)}.",
                _ => (de ? $"{parcel} {(many ? "verspäten" : "verspätet")} sich." : $"{parcel} {(many ? "are" : "is")} delayed.")
                    + (estimate is { } d ? (de ? $" Neue Schätzung: {Day(d, language)}." : $" New estimate: {Day(d, language)}.") : ""),
            },
            AlertFamily.OutForDelivery => de ? $"{parcel} {(many ? "sind" : "ist")} heute in Zustellung." : $"{parcel} {(many ? "are" : "is")} out for delivery today.",
            AlertFamily.AvailableForPickup => de ? $"{parcel} {(many ? "liegen" : "liegt")} zur Abholung bereit." : $"{parcel} {(many ? "are" : "is")} ready to pick up.",
            AlertFamily.Delivered => de ? $"{parcel} {(many ? "wurden" : "wurde")} zugestellt." : $"{parcel} {(many ? "have" : "has")} been delivered.",
            AlertFamily.DeliveryChange => AnswerText(alert, shipments, language),
            _ => alert.ReplyText ?? "",
        };
    }

    public static string OptionText(OfferedOption option, string language) => (option.Kind, language) switch
    {
        (DeliveryChangeKind.NewDate, "de") => $"Lieferung am {Day(option.Date!.Value, language)}",
        (DeliveryChangeKind.NewDate, _) => $"deliver on {Day(option.Date!.Value, language)}",
        (DeliveryChangeKind.Neighbour, "de") => "Abgabe bei einem Nachbarn",
        (DeliveryChangeKind.Neighbour, _) => "leave it with a neighbour",
        (DeliveryChangeKind.SafePlace, "de") => "Ablage an einem sicheren Ort",
        (_, "de") => "andere Zustellung",
        _ => "leave it at a safe place",
    };

    /// <summary>"Reply 1 to deliver on Fri 28 Nov, 2 to leave it with a neighbour, 3 to deliver on Mon 1 Dec."</summary>
    public static string Choices(IReadOnlyList<OfferedOption> options, string language)
    {
        if (options.Count == 0)
        {
            return "";
        }

        var parts = options.Select(o => language == "de"
            ? $"{o.Number} für {OptionText(o, language)}"
            : $"{o.Number} to {OptionText(o, language)}");
        var list = string.Join(", ", parts).TrimEnd('.');
        return language == "de" ? $"Antworten Sie {list}." : $"Reply {list}.";
    }

    public static string Subject(Alert alert, BrandSettings brand, string language) => alert.Family switch
    {
        AlertFamily.Problem => language == "de" ? $"{brand.Name}: Neuigkeiten zu Ihrer Bestellung {alert.OrderNumber}" : $"{brand.Name}: news about your order {alert.OrderNumber}",
        AlertFamily.DeliveryChange => language == "de" ? $"{brand.Name}: Ihre Lieferänderung" : $"{brand.Name}: your delivery change",
        AlertFamily.Reply => language == "de" ? $"{brand.Name}: Ihre Antwort" : $"{brand.Name}: your reply",
        _ => language == "de" ? $"{brand.Name}: Ihre Bestellung {alert.OrderNumber}" : $"{brand.Name}: your order {alert.OrderNumber}",
    };

    private static string AnswerText(Alert alert, IReadOnlyList<TrackedShipment> shipments, string language)
    {
        var answer = alert.Answer!;
        var de = language == "de";
        var tracking = Tracking(alert, shipments);
        if (answer.Confirmed)
        {
            var what = (answer.Kind, answer.Date) switch
            {
                (DeliveryChangeKind.NewDate, { } date) => de ? $"am {Day(date, language)} liefern" : $"deliver it on {Day(date, language)}",
                (DeliveryChangeKind.Neighbour, _) => de ? "es bei Ihrem Nachbarn abgeben" : "leave it with your neighbour",
                _ => de ? "Ihre Änderung ausführen" : "make your change",
            };
            return de ? $"Bestätigt: Der Zusteller wird Ihr Paket {tracking} {what}." : $"Confirmed: the carrier will {what} (parcel {tracking}).";
        }

        var link = answer.SelfServiceUrl is { Length: > 0 } url ? (de ? $" Selbst ändern: {url}" : $" Change it yourself: {url}") : "";
        return de
            ? $"Der Zusteller konnte die Lieferung von {tracking} leider nicht ändern: {answer.Reason}{link}"
            : $"Sorry, the carrier could not change the delivery of {tracking}: {answer.Reason}{link}";
    }

    private static string Tracking(Alert alert, IReadOnlyList<TrackedShipment> shipments) =>
        shipments.FirstOrDefault(s => s.ShipmentId == alert.PrimarySubject?.ShipmentId)?.TrackingNumber
        ?? shipments.FirstOrDefault()?.TrackingNumber ?? alert.OrderNumber;

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
