using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using Microsoft.Extensions.Options;

namespace Shipping.Notifications.Email;

/// <summary>What an email template sees.</summary>
public sealed record EmailModel(
    BrandModel Brand, string? CustomerName, string OrderNumber, string Headline, IReadOnlyList<ChoiceModel> Choices,
    string? UnsubscribeUrl, string Language, string? TrackingUrl = null);

/// <summary>The brand as templates show it: colours are checked to be #RRGGBB, the logo to be an http(s) URL.</summary>
public sealed record BrandModel(string Name, string? LogoUrl, string PrimaryColour, string AccentColour, string? SupportEmail, string? SupportUrl, string? PrivacyPolicyUrl);

public sealed record ChoiceModel(int Number, string Text);

/// <summary>
/// Email templates in Liquid (Fluid), per brand and per language: <c>{Notifications:TemplatesDirectory}/{tenant}/{language}/{name}.liquid</c>
/// when a brand has its own, else the built-in ones (<c>Email/Templates/{language}/{name}.liquid</c>). Each alert has an
/// HTML part (<c>alert.html</c>, HTML-encoded values) and a text part (<c>alert.text</c>).
/// </summary>
public sealed partial class EmailTemplates(IOptions<NotificationsOptions> options)
{
    private static readonly FluidParser Parser = new();
    /// <summary>HTML-encodes markup characters but leaves letters such as ä and ß readable.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private static readonly TemplateOptions TemplateOptions = CreateOptions();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _cache = new();

    public async Task<(string Template, string Html, string Text)> RenderAsync(string tenantId, string language, EmailModel model)
    {
        var html = await RenderAsync(Load(tenantId, language, "alert.html"), model, Html);
        var text = await RenderAsync(Load(tenantId, language, "alert.text"), model, NullEncoder.Default);
        return ($"alert/{language}", html, text.Trim() + "\n");
    }

    public static BrandModel Brand(Shipping.Contracts.BrandSettings brand) => new(
        brand.Name,
        brand.LogoUrl is { } logo && Uri.TryCreate(logo, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? logo : null,
        Colour().IsMatch(brand.PrimaryColour) ? brand.PrimaryColour : "#1F3A5F",
        Colour().IsMatch(brand.AccentColour) ? brand.AccentColour : "#E07A1F",
        brand.Support.Email, brand.Support.Url, brand.PrivacyPolicyUrl);

    private static async Task<string> RenderAsync(IFluidTemplate template, EmailModel model, TextEncoder encoder)
    {
        var context = new TemplateContext(TemplateOptions);
        context.SetValue("brand", model.Brand);
        context.SetValue("customer_name", model.CustomerName);
        context.SetValue("order_number", model.OrderNumber);
        context.SetValue("headline", model.Headline);
        context.SetValue("choices", model.Choices);
        context.SetValue("unsubscribe_url", model.UnsubscribeUrl);
        context.SetValue("tracking_url", model.TrackingUrl);
        return await template.RenderAsync(context, encoder);
    }

    private IFluidTemplate Load(string tenantId, string language, string name) =>
        _cache.GetOrAdd($"{tenantId}/{language}/{name}", _ =>
        {
            var source = ReadBrandTemplate(tenantId, language, name) ?? ReadBuiltIn(language, name) ?? ReadBuiltIn("en", name)
                ?? throw new InvalidOperationException($"No template {name}.");
            return Parser.TryParse(source, out var template, out var error)
                ? template
                : throw new InvalidOperationException($"Template {tenantId}/{language}/{name} does not parse: {error}");
        });

    private string? ReadBrandTemplate(string tenantId, string language, string name)
    {
        if (string.IsNullOrWhiteSpace(options.Value.TemplatesDirectory)
            || !Shipping.ServiceDefaults.ServiceKeyAuthenticationHandler.TenantPattern().IsMatch(tenantId))
        {
            return null;
        }

        var path = Path.Combine(options.Value.TemplatesDirectory, tenantId, language, name + ".liquid");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private static string? ReadBuiltIn(string language, string name)
    {
        var assembly = typeof(EmailTemplates).Assembly;
        var resource = $"Shipping.Notifications.Email.Templates.{language}.{name}.liquid";
        using var stream = assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static TemplateOptions CreateOptions()
    {
        var templateOptions = new TemplateOptions();
        templateOptions.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        templateOptions.MemberAccessStrategy.Register<BrandModel>();
        templateOptions.MemberAccessStrategy.Register<ChoiceModel>();
        return templateOptions;
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex Colour();
}
