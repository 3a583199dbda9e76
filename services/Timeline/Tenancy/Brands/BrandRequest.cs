using System.Text.RegularExpressions;
using Shipping.Contracts;

namespace Shipping.Timeline.Tenancy.Brands;

/// <summary>Body of <c>PUT /api/brand</c>: the whole brand, as customers will see it.</summary>
/// <param name="LogoUrl">An https URL, or a path on the tracking site (/brands/acme.svg).</param>
/// <param name="PrimaryColour">#RRGGBB.</param>
/// <param name="Languages">Two-letter codes the brand writes to customers in, the default first (en and de are translated).</param>
public sealed record BrandRequest(
    string? Name,
    string? LogoUrl,
    string? PrimaryColour,
    string? AccentColour,
    IReadOnlyList<string?>? Languages,
    SupportContactRequest? Support,
    string? PrivacyPolicyUrl,
    string? FaqUrl = null,
    IReadOnlyList<ParcelShopRequest?>? ParcelShops = null)
{
    /// <summary>At most this many of the retailer's own pick-up points.</summary>
    public const int MaxParcelShops = 50;

    /// <summary>Languages the platform has texts for; a brand may speak a subset of them.</summary>
    public static readonly IReadOnlySet<string> Supported = new HashSet<string> { "en", "de" };

    public (BrandSettings? Brand, Dictionary<string, string[]> Errors) Validate()
    {
        var errors = new Dictionary<string, string[]>();
        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors["name"] = ["Required, at most 100 characters."];
        }

        var logo = Link(LogoUrl, "logoUrl", errors, allowPath: true);
        var primary = Colour(PrimaryColour, "primaryColour", errors);
        var accent = Colour(AccentColour, "accentColour", errors);

        var languages = (Languages ?? []).Select(l => l?.Trim().ToLowerInvariant() ?? "").ToList();
        if (languages.Count == 0)
        {
            errors["languages"] = ["At least one language, e.g. [\"de\", \"en\"]."];
        }

        for (var i = 0; i < languages.Count; i++)
        {
            if (!Supported.Contains(languages[i]))
            {
                errors[$"languages[{i}]"] = [$"Not a language the platform writes in ({string.Join(", ", Supported.Order())})."];
            }
            else if (languages.IndexOf(languages[i]) != i)
            {
                errors[$"languages[{i}]"] = ["Listed twice."];
            }
        }

        var email = Support?.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && !ContactFormats.IsEmail(email))
        {
            errors["support.email"] = ["Not an email address."];
        }

        var phone = Support?.Phone?.Trim();
        if (!string.IsNullOrEmpty(phone) && !ContactFormats.IsE164(phone))
        {
            errors["support.phone"] = ["Must be in E.164 form, e.g. +49301234567."];
        }

        var supportUrl = Link(Support?.Url, "support.url", errors, allowPath: false);
        var privacy = Link(PrivacyPolicyUrl, "privacyPolicyUrl", errors, allowPath: false);
        var faq = Link(FaqUrl, "faqUrl", errors, allowPath: false);

        var shops = ParcelShopsOf(errors);

        return errors.Count > 0
            ? (null, errors)
            : (new BrandSettings(name, logo, primary!, accent!, languages,
                new SupportContact(NullIfEmpty(email), NullIfEmpty(phone), supportUrl), privacy, faq, shops), errors);
    }

    /// <summary>The retailer's pick-up points: id, name and address required, ids unique; their source is always <c>retailer</c>.</summary>
    private List<ParcelShop>? ParcelShopsOf(Dictionary<string, string[]> errors)
    {
        if (ParcelShops is not { Count: > 0 } given)
        {
            return null;
        }

        if (given.Count > MaxParcelShops)
        {
            errors["parcelShops"] = [$"At most {MaxParcelShops}."];
            return null;
        }

        var shops = new List<ParcelShop>();
        for (var i = 0; i < given.Count; i++)
        {
            var shop = given[i];
            string? Field(string? value, string name, int max)
            {
                var trimmed = value?.Trim() ?? "";
                if (trimmed.Length is 0 || trimmed.Length > max)
                {
                    errors[$"parcelShops[{i}].{name}"] = [$"Required, at most {max} characters."];
                    return null;
                }

                return trimmed;
            }

            var id = Field(shop?.Id, "id", 64);
            var shopName = Field(shop?.Name, "name", 100);
            var street = Field(shop?.Street, "street", 200);
            var postcode = Field(shop?.PostalCode, "postalCode", 12);
            var city = Field(shop?.City, "city", 100);
            var country = shop?.CountryCode?.Trim().ToUpperInvariant() ?? "";
            if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
            {
                errors[$"parcelShops[{i}].countryCode"] = ["Required: a two-letter country code, e.g. DE."];
            }

            var hours = shop?.OpeningHours?.Trim();
            if (hours is { Length: > 200 })
            {
                errors[$"parcelShops[{i}].openingHours"] = ["At most 200 characters."];
            }

            if (id is not null && shops.Any(s => s.Id == id))
            {
                errors[$"parcelShops[{i}].id"] = ["Listed twice."];
            }

            if (id is not null && shopName is not null && street is not null && postcode is not null && city is not null)
            {
                shops.Add(new ParcelShop(id, shopName, street, postcode, city, country, ParcelShop.Retailer, NullIfEmpty(hours)));
            }
        }

        return shops;
    }

    private static string? Colour(string? value, string field, Dictionary<string, string[]> errors)
    {
        var colour = value?.Trim().ToUpperInvariant() ?? "";
        if (!Patterns.Colour().IsMatch(colour))
        {
            errors[field] = ["Required: a colour written #RRGGBB."];
            return null;
        }

        return colour;
    }

    /// <summary>An absolute https URL (no third-party script can ride on it), or, where allowed, a path on the tracking site.</summary>
    private static string? Link(string? value, string field, Dictionary<string, string[]> errors, bool allowPath)
    {
        var link = value?.Trim();
        if (string.IsNullOrEmpty(link))
        {
            return null;
        }

        var ok = link.Length <= 500 && (
            (Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            || (allowPath && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && Uri.IsWellFormedUriString(link, UriKind.Relative)));
        if (!ok)
        {
            errors[field] = [allowPath ? "Must be an https URL or a path starting with /." : "Must be an https URL."];
            return null;
        }

        return link;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

public sealed record SupportContactRequest(string? Email, string? Phone, string? Url);

/// <summary>One of the retailer's own pick-up points (a store), as <c>PUT /api/brand</c> takes it.</summary>
public sealed record ParcelShopRequest(string? Id, string? Name, string? Street, string? PostalCode, string? City, string? CountryCode, string? OpeningHours = null);

internal static partial class Patterns
{
    [GeneratedRegex("^#[0-9A-F]{6}$")]
    public static partial Regex Colour();
}
