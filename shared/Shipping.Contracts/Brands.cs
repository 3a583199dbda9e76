namespace Shipping.Contracts;

/// <summary>
/// A retailer's brand, as customers see it on the tracking page and in alerts. Owned by Timeline (per tenant); Notifications
/// and Web follow it through <see cref="BrandConfigured"/> and <c>ITimelineApi.GetBrandAsync</c>.
/// </summary>
/// <param name="LogoUrl">An https URL of the logo (or a path served by Web).</param>
/// <param name="PrimaryColour">#RRGGBB, used for headers and buttons.</param>
/// <param name="AccentColour">#RRGGBB, used for highlights.</param>
/// <param name="Languages">The languages the brand speaks to customers in (two-letter codes), the default first.</param>
/// <param name="ParcelShops">The retailer's own pick-up points (its stores), offered beside the carrier's for a ParcelShop
/// change; <see cref="ParcelShop.Source"/> is <c>retailer</c>.</param>
public sealed record BrandSettings(
    string Name,
    string? LogoUrl,
    string PrimaryColour,
    string AccentColour,
    IReadOnlyList<string> Languages,
    SupportContact Support,
    string? PrivacyPolicyUrl,
    string? FaqUrl = null,
    IReadOnlyList<ParcelShop>? ParcelShops = null)
{
    public string DefaultLanguage => Languages.Count > 0 ? Languages[0] : "en";

    /// <summary>What a tenant has before its retailer configured anything.</summary>
    public static BrandSettings Default(string tenantId) =>
        new(tenantId, null, "#1F3A5F", "#E07A1F", ["en", "de"], new SupportContact(null, null, null), null);
}

/// <summary>How customers reach the retailer's support.</summary>
public sealed record SupportContact(string? Email, string? Phone, string? Url);

/// <summary>A retailer's brand settings changed (or were set for the first time).</summary>
public sealed record BrandConfigured(Guid ChangeId, string TenantId, BrandSettings Brand, DateTimeOffset ConfiguredAt);
