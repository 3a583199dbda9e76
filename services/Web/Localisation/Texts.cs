using System.Collections.Frozen;
using System.Globalization;

namespace Shipping.Web.Localisation;

/// <summary>The page's words in English and German. A missing German text falls back to English, a missing key shows itself.</summary>
public sealed class Texts
{
    public static readonly IReadOnlyList<string> Languages = ["en", "de"];

    private static readonly FrozenDictionary<string, string> English = new Dictionary<string, string>
    {
        ["Skip"] = "Skip to content",
        ["Language"] = "Language",
        ["Order"] = "Order {0}",
        ["Parcel"] = "Parcel {0} of {1}",
        ["Progress"] = "Delivery progress",
        ["Step.Ordered"] = "Ordered",
        ["Step.Shipped"] = "Shipped",
        ["Step.InTransit"] = "In transit",
        ["Step.OutForDelivery"] = "Out for delivery",
        ["Step.Delivered"] = "Delivered",
        ["Step.Done"] = "done",
        ["Step.Current"] = "current step",
        ["Step.Problem"] = "problem",
        ["Status.Pending"] = "Waiting for the carrier",
        ["Status.InfoReceived"] = "The carrier has the parcel's details",
        ["Status.InTransit"] = "On its way",
        ["Status.OutForDelivery"] = "Out for delivery today",
        ["Status.AttemptFail"] = "Delivery attempt failed",
        ["Status.AvailableForPickup"] = "Ready for pick-up",
        ["Status.Delivered"] = "Delivered",
        ["Status.Exception"] = "There is a problem with this parcel",
        ["Status.ReturnToSender"] = "On its way back to the shop",
        ["Status.Expired"] = "No news from the carrier for a long time",
        ["Expected"] = "Expected delivery",
        ["Expected.Day"] = "{0}",
        ["Expected.Window"] = "{0}, between {1} and {2}",
        ["Expected.Range"] = "between {0} and {1}",
        ["Expected.Unknown"] = "Not known yet",
        ["Source.Carrier"] = "Estimate from {0}",
        ["Source.History"] = "Our estimate, from similar deliveries",
        ["Source.Promised"] = "The date the shop promised",
        ["Delay.Title"] = "Your parcel is delayed",
        ["Delay.LateCarrierEstimate"] = "The carrier now expects to deliver later than promised.",
        ["Delay.CarrierProblem"] = "The carrier reported a problem with the delivery.",
        ["Delay.StaleTracking"] = "The carrier has not reported any movement for a while.",
        ["Delay.PromisedDatePassed"] = "The promised delivery date has passed.",
        ["Delay.NextWithDate"] = "What happens next: the parcel is now expected on {0}. We will tell you if this changes.",
        ["Delay.Next"] = "What happens next: we are checking with the carrier and will tell you as soon as we know more.",
        ["Carrier"] = "Carrier",
        ["TrackingNumber"] = "Tracking number",
        ["CarrierLink"] = "Track on the {0} website",
        ["OpensNewWindow"] = "(opens the carrier's site)",
        ["Events"] = "All events",
        ["Events.None"] = "No events from the carrier yet.",
        ["Events.Time"] = "Times in {0}",
        ["Changes"] = "Your requests",
        ["Change.Pending"] = "Pending: waiting for the carrier's answer",
        ["Change.Confirmed"] = "Confirmed by the carrier",
        ["Change.Refused"] = "Refused: {0}",
        ["Change.Sent"] = "Your request was sent to the carrier.",
        ["Change.NotAllowed"] = "Changes are no longer possible: {0}",
        ["Change.Kind.NewDate"] = "New delivery date",
        ["Change.Kind.Neighbour"] = "Deliver to a neighbour",
        ["Change.Kind.ParcelShop"] = "Parcel shop or locker",
        ["Change.Kind.OtherAddress"] = "Another address",
        ["Change.Kind.SafePlace"] = "Leave at a safe place",
        ["SelfService"] = "Change the delivery",
        ["Field.Date"] = "Delivery date",
        ["Field.NeighbourName"] = "Neighbour's name",
        ["Field.NeighbourHouseNumber"] = "Neighbour's house number",
        ["Field.SafePlace"] = "Where should the parcel be left?",
        ["Field.Street"] = "Street",
        ["Field.HouseNumber"] = "House number",
        ["Field.Postcode"] = "Postcode",
        ["Field.City"] = "City",
        ["Field.Country"] = "Country code",
        ["Field.Name"] = "Name on the door (optional)",
        ["Field.ParcelShop"] = "Parcel shop or locker",
        ["Submit"] = "Send request",
        ["Invalid"] = "Please fill in every field marked as required.",
        ["Required"] = "required",
        ["Contact"] = "Your contact details on file",
        ["Support"] = "Help and contact",
        ["Support.Email"] = "Email",
        ["Support.Phone"] = "Phone",
        ["Support.Web"] = "Support website",
        ["Faq"] = "FAQ",
        ["Privacy"] = "Privacy policy",
        ["Cancelled"] = "This order was cancelled.",
        ["NotFound.Title"] = "Link not valid",
        ["NotFound.Text"] = "This tracking link is not valid or has expired. You can look up your order with its order number.",
        ["Lookup.Title"] = "Track your order",
        ["Lookup.Intro"] = "Enter your order number and either the delivery postcode or your email address.",
        ["Lookup.OrderNumber"] = "Order number",
        ["Lookup.Postcode"] = "Delivery postcode",
        ["Lookup.Email"] = "Email address",
        ["Lookup.Or"] = "or",
        ["Lookup.Submit"] = "Show my order",
        ["Lookup.NotFound"] = "We could not find an order with these details. Please check them and try again.",
        ["Lookup.TooMany"] = "Too many attempts. Please wait a minute and try again.",
        ["Error.Title"] = "Something went wrong",
        ["Error.Text"] = "Please try again in a moment.",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> German = new Dictionary<string, string>
    {
        ["Skip"] = "Zum Inhalt springen",
        ["Language"] = "Sprache",
        ["Order"] = "Bestellung {0}",
        ["Parcel"] = "Paket {0} von {1}",
        ["Progress"] = "Lieferfortschritt",
        ["Step.Ordered"] = "Bestellt",
        ["Step.Shipped"] = "Versandt",
        ["Step.InTransit"] = "Unterwegs",
        ["Step.OutForDelivery"] = "In Zustellung",
        ["Step.Delivered"] = "Zugestellt",
        ["Step.Done"] = "erledigt",
        ["Step.Current"] = "aktueller Schritt",
        ["Step.Problem"] = "Problem",
        ["Status.Pending"] = "Warten auf den Paketdienst",
        ["Status.InfoReceived"] = "Der Paketdienst hat die Paketdaten erhalten",
        ["Status.InTransit"] = "Unterwegs",
        ["Status.OutForDelivery"] = "Heute in Zustellung",
        ["Status.AttemptFail"] = "Zustellversuch fehlgeschlagen",
        ["Status.AvailableForPickup"] = "Liegt zur Abholung bereit",
        ["Status.Delivered"] = "Zugestellt",
        ["Status.Exception"] = "Es gibt ein Problem mit diesem Paket",
        ["Status.ReturnToSender"] = "Auf dem Rückweg zum Shop",
        ["Status.Expired"] = "Seit Langem keine Nachricht vom Paketdienst",
        ["Expected"] = "Voraussichtliche Zustellung",
        ["Expected.Window"] = "{0}, zwischen {1} und {2} Uhr",
        ["Expected.Range"] = "zwischen {0} und {1}",
        ["Expected.Unknown"] = "Noch nicht bekannt",
        ["Source.Carrier"] = "Schätzung von {0}",
        ["Source.History"] = "Unsere Schätzung aus ähnlichen Zustellungen",
        ["Source.Promised"] = "Das vom Shop zugesagte Datum",
        ["Delay.Title"] = "Ihr Paket verspätet sich",
        ["Delay.LateCarrierEstimate"] = "Der Paketdienst erwartet die Zustellung später als zugesagt.",
        ["Delay.CarrierProblem"] = "Der Paketdienst hat ein Problem bei der Zustellung gemeldet.",
        ["Delay.StaleTracking"] = "Der Paketdienst hat seit einiger Zeit keine Bewegung gemeldet.",
        ["Delay.PromisedDatePassed"] = "Das zugesagte Lieferdatum ist verstrichen.",
        ["Delay.NextWithDate"] = "Wie es weitergeht: Das Paket wird jetzt am {0} erwartet. Wir sagen Ihnen Bescheid, falls sich das ändert.",
        ["Delay.Next"] = "Wie es weitergeht: Wir fragen beim Paketdienst nach und melden uns, sobald wir mehr wissen.",
        ["Carrier"] = "Paketdienst",
        ["TrackingNumber"] = "Sendungsnummer",
        ["CarrierLink"] = "Auf der Website von {0} verfolgen",
        ["OpensNewWindow"] = "(öffnet die Seite des Paketdienstes)",
        ["Events"] = "Alle Ereignisse",
        ["Events.None"] = "Noch keine Ereignisse vom Paketdienst.",
        ["Events.Time"] = "Zeiten in {0}",
        ["Changes"] = "Ihre Anfragen",
        ["Change.Pending"] = "Ausstehend: Antwort des Paketdienstes folgt",
        ["Change.Confirmed"] = "Vom Paketdienst bestätigt",
        ["Change.Refused"] = "Abgelehnt: {0}",
        ["Change.Sent"] = "Ihre Anfrage wurde an den Paketdienst gesendet.",
        ["Change.NotAllowed"] = "Änderungen sind nicht mehr möglich: {0}",
        ["Change.Kind.NewDate"] = "Neuer Liefertermin",
        ["Change.Kind.Neighbour"] = "An einen Nachbarn liefern",
        ["Change.Kind.ParcelShop"] = "Paketshop oder Packstation",
        ["Change.Kind.OtherAddress"] = "Andere Adresse",
        ["Change.Kind.SafePlace"] = "An einem Ablageort abstellen",
        ["SelfService"] = "Zustellung ändern",
        ["Field.Date"] = "Liefertermin",
        ["Field.NeighbourName"] = "Name des Nachbarn",
        ["Field.NeighbourHouseNumber"] = "Hausnummer des Nachbarn",
        ["Field.SafePlace"] = "Wo soll das Paket abgestellt werden?",
        ["Field.Street"] = "Straße",
        ["Field.HouseNumber"] = "Hausnummer",
        ["Field.Postcode"] = "Postleitzahl",
        ["Field.City"] = "Ort",
        ["Field.Country"] = "Ländercode",
        ["Field.Name"] = "Name an der Tür (optional)",
        ["Field.ParcelShop"] = "Paketshop oder Packstation",
        ["Submit"] = "Anfrage senden",
        ["Invalid"] = "Bitte füllen Sie alle Pflichtfelder aus.",
        ["Required"] = "Pflichtfeld",
        ["Contact"] = "Ihre hinterlegten Kontaktdaten",
        ["Support"] = "Hilfe und Kontakt",
        ["Support.Email"] = "E-Mail",
        ["Support.Phone"] = "Telefon",
        ["Support.Web"] = "Hilfeseite",
        ["Faq"] = "Häufige Fragen",
        ["Privacy"] = "Datenschutz",
        ["Cancelled"] = "Diese Bestellung wurde storniert.",
        ["NotFound.Title"] = "Link ungültig",
        ["NotFound.Text"] = "Dieser Sendungslink ist ungültig oder abgelaufen. Sie können Ihre Bestellung mit der Bestellnummer suchen.",
        ["Lookup.Title"] = "Bestellung verfolgen",
        ["Lookup.Intro"] = "Geben Sie Ihre Bestellnummer und entweder die Postleitzahl der Lieferadresse oder Ihre E-Mail-Adresse ein.",
        ["Lookup.OrderNumber"] = "Bestellnummer",
        ["Lookup.Postcode"] = "Postleitzahl der Lieferadresse",
        ["Lookup.Email"] = "E-Mail-Adresse",
        ["Lookup.Or"] = "oder",
        ["Lookup.Submit"] = "Bestellung anzeigen",
        ["Lookup.NotFound"] = "Wir konnten keine Bestellung mit diesen Angaben finden. Bitte prüfen Sie sie und versuchen Sie es erneut.",
        ["Lookup.TooMany"] = "Zu viele Versuche. Bitte warten Sie eine Minute.",
        ["Error.Title"] = "Etwas ist schiefgelaufen",
        ["Error.Text"] = "Bitte versuchen Sie es gleich noch einmal.",
    }.ToFrozenDictionary();

    private Texts(string language)
    {
        Language = language;
        Culture = CultureInfo.GetCultureInfo(language == "de" ? "de-DE" : "en-GB");
    }

    public string Language { get; }

    public CultureInfo Culture { get; }

    public static Texts For(string? language) => new(Normalise(language) ?? "en");

    /// <summary>"de-DE" → "de"; null for a language the page does not speak.</summary>
    public static string? Normalise(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var two = language.Trim().Split('-', '_')[0].ToLowerInvariant();
        return Languages.Contains(two) ? two : null;
    }

    public string this[string key] =>
        (Language == "de" && German.TryGetValue(key, out var de)) ? de : English.TryGetValue(key, out var en) ? en : key;

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    public static IReadOnlyCollection<string> Keys(string language) => (language == "de" ? German : English).Keys;
}
