using Shipping.Contracts;

namespace Shipping.Notifications.Brands;

/// <summary>A tenant's brand as alerts show it (from <see cref="BrandConfigured"/>) and the triggers it switched off.</summary>
public sealed class BrandProfile
{
    /// <summary>The tenant id.</summary>
    public string Id { get; set; } = "";
    public BrandSettings? Settings { get; set; }
    public DateTimeOffset? ConfiguredAt { get; set; }
    public List<AlertReason> DisabledTriggers { get; set; } = [];

    public BrandSettings Brand => Settings ?? BrandSettings.Default(Id);

    public bool IsOn(AlertReason trigger) => !DisabledTriggers.Contains(trigger);

    /// <summary>The brand's help text (HELP).</summary>
    public string HelpText(string language)
    {
        var brand = Brand;
        var contact = string.Join(", ", new[] { brand.Support.Phone, brand.Support.Email, brand.Support.Url }.Where(c => !string.IsNullOrWhiteSpace(c)));
        return language == "de"
            ? $"{brand.Name}: Sendungsinfos per SMS. Antworten Sie mit STOP zum Abmelden, START zum Anmelden.{(contact.Length > 0 ? " Hilfe: " + contact : "")}"
            : $"{brand.Name}: delivery updates by SMS. Reply STOP to unsubscribe, START to resubscribe.{(contact.Length > 0 ? " Help: " + contact : "")}";
    }
}

/// <summary>What an alert can be about (the issue's triggers); each brand can switch each one off.</summary>
public enum AlertReason
{
    Delayed,
    OutForDelivery,
    AttemptFail,
    AvailableForPickup,
    Delivered,
    Exception,
}
