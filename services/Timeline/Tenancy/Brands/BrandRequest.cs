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
    string? FaqUrl = null)
{
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

        return errors.Count > 0
            ? (null, errors)
            : (new BrandSettings(name, logo, primary!, accent!, languages,
                new SupportContact(NullIfEmpty(email), NullIfEmpty(phone), supportUrl), privacy, faq), errors);
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

internal static partial class Patterns
{
    [GeneratedRegex("^#[0-9A-F]{6}$")]
    public static partial Regex Colour();
}
