using System.Globalization;
using System.Text.RegularExpressions;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.ServiceDefaults;

namespace Shipping.Web.Branding;

/// <summary>
/// A brand's colours as a stylesheet of its own (<c>/brand/{tenant}.css</c>): the strict CSP allows no inline style, so the
/// page links this instead. Text on the brand colours is black or white, whichever contrasts more (WCAG AA).
/// </summary>
public static partial class BrandEndpoints
{
    public static IEndpointRouteBuilder MapBrand(this IEndpointRouteBuilder app)
    {
        app.MapGet("/brand/{tenant}.css", async (string tenant, ITimelineServiceApi timeline, HttpContext http, CancellationToken ct) =>
        {
            if (!ServiceKeyAuthenticationHandler.TenantPattern().IsMatch(tenant))
            {
                return Results.NotFound();
            }

            BrandSettings brand;
            try
            {
                brand = await timeline.GetBrandAsync(tenant, ct);
            }
            catch (Exception e) when (e is Refit.ApiException or Refit.ApiRequestException or HttpRequestException)
            {
                brand = BrandSettings.Default(tenant);
            }

            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text(Css(brand), "text/css; charset=utf-8");
        });
        app.MapGet("/brand/{tenant}/logo", async (string tenant, ITimelineServiceApi timeline, LogoProxy logos, HttpContext http, CancellationToken ct) =>
        {
            if (!ServiceKeyAuthenticationHandler.TenantPattern().IsMatch(tenant))
            {
                return Results.NotFound();
            }

            try
            {
                if ((await timeline.GetBrandAsync(tenant, ct)).LogoUrl is { } url && await logos.GetAsync(url, ct) is { } logo)
                {
                    http.Response.Headers.CacheControl = "public, max-age=3600";
                    return Results.File(logo.Content, logo.ContentType);
                }
            }
            catch (Exception e) when (e is Refit.ApiException or Refit.ApiRequestException or HttpRequestException)
            {
                // no logo then
            }

            return Results.NotFound();
        });
        return app;
    }

    /// <summary>Where the page finds the brand's logo: a path served by Web as it is, an https URL through <see cref="LogoProxy"/>.</summary>
    public static string? LogoSource(string tenant, string? logoUrl) =>
        logoUrl is null ? null
        : logoUrl.StartsWith('/') && !logoUrl.StartsWith("//", StringComparison.Ordinal) ? logoUrl
        : logoUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? $"/brand/{tenant}/logo"
        : null;

    public static string Css(BrandSettings brand)
    {
        var fallback = BrandSettings.Default("x");
        var primary = Colour(brand.PrimaryColour) ?? fallback.PrimaryColour;
        var accent = Colour(brand.AccentColour) ?? fallback.AccentColour;
        return ":root{" +
               $"--brand-primary:{primary};--brand-on-primary:{OnColour(primary)};" +
               $"--brand-accent:{accent};--brand-on-accent:{OnColour(accent)};" +
               "}\n";
    }

    /// <summary>#000 or #FFF, whichever has the higher contrast ratio against <paramref name="hex"/>.</summary>
    public static string OnColour(string hex)
    {
        var l = Luminance(hex);
        var withWhite = 1.05 / (l + 0.05);
        var withBlack = (l + 0.05) / 0.05;
        return withWhite >= withBlack ? "#FFFFFF" : "#000000";
    }

    /// <summary>The WCAG contrast ratio of two #RRGGBB colours.</summary>
    public static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }

    private static string? Colour(string? value) => value is not null && HexColour().IsMatch(value) ? value.ToUpperInvariant() : null;

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColour();
}
