using Microsoft.AspNetCore.Mvc.RazorPages;
using Shipping.Contracts;
using Shipping.Web.Localisation;

namespace Shipping.Web.Pages;

/// <summary>What the layout needs of every page: the brand, the language and where the language switch leads.</summary>
public sealed record Chrome(string? Tenant, BrandSettings Brand, Texts Texts, string SwitchPath);

public abstract class BrandedPageModel : PageModel
{
    public const string LanguageCookie = "lang";

    public Chrome Chrome { get; protected set; } = new(null, BrandSettings.Default("shipping"), Texts.For("en"), "/");

    public Texts T => Chrome.Texts;

    /// <summary>
    /// The page's language: one chosen with the switch (<c>?lang=</c>, remembered in a cookie), else the one chosen before,
    /// else the customer's own (from the order), else the brand's default, else the browser's.
    /// </summary>
    protected Texts ChooseLanguage(string? chosen, string? customerLocale, BrandSettings brand)
    {
        if (Texts.Normalise(chosen) is { } picked)
        {
            Response.Cookies.Append(LanguageCookie, picked, new Microsoft.AspNetCore.Http.CookieOptions
            {
                HttpOnly = true,
                SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
                Secure = Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
            return Texts.For(picked);
        }

        var language = Texts.Normalise(Request.Cookies[LanguageCookie])
                       ?? Texts.Normalise(customerLocale)
                       ?? Texts.Normalise(brand.DefaultLanguage)
                       ?? Texts.Normalise(Request.Headers.AcceptLanguage.ToString().Split(',')[0]);
        return Texts.For(language);
    }
}
