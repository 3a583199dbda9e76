using Microsoft.Extensions.Options;
using Shipping.Contracts;
using Shipping.ServiceDefaults;
using Shipping.Notifications.Brands;
using Shipping.Notifications.Customers;
using Shipping.Notifications.Email;
using Shipping.Notifications.Shipments;
using Shipping.Notifications.Sms;

namespace Shipping.Notifications.Alerts.Sending;

/// <summary>Renders an alert for its channel, in the customer's language (when the brand speaks it), with its choices.</summary>
public sealed class AlertComposer(EmailTemplates templates, AlertTokens tokens, IOptions<NotificationsOptions> options, IConfiguration configuration, TimeProvider time)
{
    private readonly TrackingLinks? _links =
        string.IsNullOrEmpty(configuration[TrackingLinks.KeySetting]) ? null : TrackingLinks.FromConfiguration(configuration);

    /// <summary>
    /// The signed link to the order's tracking page, when Web's address and the link key are configured; for SMS the short
    /// form of the token (<see cref="TrackingLinks.CreateShort"/>).
    /// </summary>
    public string? TrackingUrl(Alert alert, bool forSms = false)
    {
        if (_links is null || options.Value.TrackingPageBaseUrl is not { Length: > 0 } baseUrl)
        {
            return null;
        }

        // Rounded up to the next UTC midnight: every link to an order minted on one day is the same link (a resend repeats
        // the alert word for word), and it lives at least the configured lifetime.
        var expires = EndOfUtcDay(time.GetUtcNow() + options.Value.TrackingLinkLifetime);
        var token = forSms ? _links.CreateShort(alert.TenantId, alert.OrderNumber, expires) : _links.Create(alert.TenantId, alert.OrderNumber, expires);
        return $"{baseUrl.TrimEnd('/')}/t/{token}";
    }

    internal static DateTimeOffset EndOfUtcDay(DateTimeOffset at)
    {
        var midnight = new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero);
        return midnight == at ? at : midnight.AddDays(1);
    }

    public static string LanguageFor(CustomerContact contact, BrandSettings brand)
    {
        var wanted = contact.Language;
        return AlertTexts.Pick(brand.Languages.Contains(wanted) || AlertTexts.Languages.Contains(wanted) ? wanted : brand.DefaultLanguage);
    }

    public async Task<OutgoingMessage> ComposeAsync(
        Alert alert, AlertChannel channel, CustomerContact contact, BrandSettings brand, IReadOnlyList<TrackedShipment> shipments, DateOnly today)
    {
        var language = LanguageFor(contact, brand);
        alert.Language = language;
        alert.Options = OptionsFor(alert, shipments, today);
        var headline = AlertTexts.Headline(alert, shipments, language);
        var choices = AlertTexts.Choices(alert.Options, language);

        if (channel == AlertChannel.Sms)
        {
            alert.Template = $"sms/{alert.Family}/{language}";
            var text = SmsText(brand.Name, headline, choices, TrackingUrl(alert, forSms: true));

            return new OutgoingMessage(alert, contact.Phone!, null, text, null, null, null, brand.Name);
        }

        // Without a token key (the outbox in development) there is no signed unsubscribe link or reply address; sending
        // by SMTP requires the key (checked at start).
        var unsubscribe = tokens.CanSign && options.Value.PublicBaseUrl is { Length: > 0 } baseUrl
            ? $"{baseUrl.TrimEnd('/')}/unsubscribe/email/{tokens.Create(alert.Id, AlertTokens.Unsubscribe)}"
            : null;
        var model = new EmailModel(
            EmailTemplates.Brand(brand), contact.Name, alert.OrderNumber, headline,
            alert.Options.Select(o => new ChoiceModel(o.Number, AlertTexts.OptionText(o, language))).ToList(), unsubscribe, language, TrackingUrl(alert));
        var (template, html, textPart) = await templates.RenderAsync(alert.TenantId, language, model);
        alert.Template = template;
        return new OutgoingMessage(
            alert, contact.Email!, AlertTexts.Subject(alert, brand, language), textPart, html, tokens.CanSign ? tokens.ReplyAddress(alert.Id) : null, unsubscribe, brand.Name);
    }

    /// <summary>
    /// The SMS text, kept to <see cref="SmsSegments.MaxSegments"/>: the choices and the tracking link survive whole; the
    /// brand's name goes first if room is short, then the headline is cut.
    /// </summary>
    public static string SmsText(string brandName, string headline, string choices, string? trackingUrl = null)
    {
        var tail = string.Join(' ', new[] { choices, trackingUrl }.Where(p => !string.IsNullOrEmpty(p)));
        foreach (var candidate in new[] { $"{brandName}: {headline} {tail}", $"{headline} {tail}" })
        {
            if (SmsSegments.Fits(candidate.Trim()))
            {
                return candidate.Trim();
            }
        }

        if (tail.Length == 0)
        {
            return SmsSegments.Truncate(headline);
        }

        // The choices and the link must survive whole: cut the headline to what is left.
        var length = headline.Length;
        while (length > 10 && !SmsSegments.Fits($"{headline[..length]}... {tail}"))
        {
            length -= 5;
        }

        return SmsSegments.Truncate($"{headline[..length]}... {tail}");
    }

    private static List<OfferedOption> OptionsFor(Alert alert, IReadOnlyList<TrackedShipment> shipments, DateOnly today)
    {
        if (alert.Family != AlertFamily.Problem || alert.ShipmentIds.Count != 1
            || shipments.FirstOrDefault(s => s.ShipmentId == alert.ShipmentIds[0]) is not { } shipment)
        {
            return [];
        }

        return DeliveryOptions.For(shipment, alert.PrimarySubject?.Estimate, today);
    }
}
