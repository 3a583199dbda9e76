using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Refit;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.ServiceDefaults;
using Shipping.Web.Console;

namespace Shipping.Web.Pages.Console.Admin;

/// <summary>
/// <c>/console/admin/brands/{tenant}</c> (admins): a brand's name, logo, colours, languages, support contact, FAQ and
/// privacy links and the retailer's own parcel shops, saved through Timeline (<c>PUT /api/brand</c>), which validates them;
/// its field errors are shown beside the fields.
/// </summary>
public sealed partial class BrandModel(ITimelineServiceApi timeline, IAuditLog audit, TimeProvider time) : AdminPageModel(audit, time)
{
    public string Tenant { get; private set; } = "";

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? LogoUrl { get; set; }
    [BindProperty] public string? PrimaryColour { get; set; }
    [BindProperty] public string? AccentColour { get; set; }
    [BindProperty] public string? Languages { get; set; }
    [BindProperty] public string? SupportEmail { get; set; }
    [BindProperty] public string? SupportPhone { get; set; }
    [BindProperty] public string? SupportUrl { get; set; }
    [BindProperty] public string? PrivacyPolicyUrl { get; set; }
    [BindProperty] public string? FaqUrl { get; set; }

    /// <summary>One shop a line: id | name | street | postal code | city | country | opening hours (optional).</summary>
    [BindProperty] public string? ParcelShops { get; set; }

    public async Task<IActionResult> OnGetAsync(string tenant, CancellationToken ct)
    {
        if (!ServiceKeyAuthenticationHandler.TenantPattern().IsMatch(tenant))
        {
            return NotFound();
        }

        Tenant = tenant;
        Fill(await timeline.GetBrandAsync(tenant, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string tenant, CancellationToken ct)
    {
        if (!ServiceKeyAuthenticationHandler.TenantPattern().IsMatch(tenant))
        {
            return NotFound();
        }

        Tenant = tenant;
        var shops = ParseShops();
        if (Errors.Count == 0)
        {
            var brand = new BrandSettings(
                Name?.Trim() ?? "",
                Blank(LogoUrl),
                PrimaryColour?.Trim() ?? "",
                AccentColour?.Trim() ?? "",
                (Languages ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                new SupportContact(Blank(SupportEmail), Blank(SupportPhone), Blank(SupportUrl)),
                Blank(PrivacyPolicyUrl),
                Blank(FaqUrl),
                shops);
            try
            {
                Fill(await timeline.SetBrandAsync(tenant, brand, ct));
                Done = "Saved. The tracking page shows it within a minute.";
                await RecordAsync(AuditActions.BrandChanged, $"brand {tenant}", ct, tenant);
                return Page();
            }
            catch (ApiException e) when (e.StatusCode == HttpStatusCode.BadRequest)
            {
                var problem = await e.GetContentAsAsync<ValidationProblemDetails>();
                foreach (var (field, messages) in problem?.Errors ?? new Dictionary<string, string[]>())
                {
                    var (formField, prefix) = FormField(field);
                    Errors[formField] = (Errors.TryGetValue(formField, out var earlier) ? earlier + " " : "") + prefix + string.Join(" ", messages);
                }

                if (Errors.Count == 0)
                {
                    Errors[""] = problem?.Detail ?? "Timeline refused the brand.";
                }
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void Fill(BrandSettings brand)
    {
        (Name, LogoUrl, PrimaryColour, AccentColour) = (brand.Name, brand.LogoUrl, brand.PrimaryColour, brand.AccentColour);
        Languages = string.Join(", ", brand.Languages);
        (SupportEmail, SupportPhone, SupportUrl) = (brand.Support.Email, brand.Support.Phone, brand.Support.Url);
        (PrivacyPolicyUrl, FaqUrl) = (brand.PrivacyPolicyUrl, brand.FaqUrl);
        ParcelShops = string.Join("\n", (brand.ParcelShops ?? []).Select(s =>
            string.Join(" | ", new[] { s.Id, s.Name, s.Street, s.PostalCode, s.City, s.CountryCode, s.OpeningHours ?? "" }).TrimEnd(' ', '|')));
    }

    private List<ParcelShop> ParseShops()
    {
        var shops = new List<ParcelShop>();
        var lines = (ParcelShops ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length is < 6 or > 7)
            {
                Errors[nameof(ParcelShops)] = $"Line {i + 1}: id | name | street | postal code | city | country | opening hours (optional).";
                continue;
            }

            shops.Add(new ParcelShop(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5].ToUpperInvariant(), "retailer", parts.Length == 7 ? Blank(parts[6]) : null));
        }

        return shops;
    }

    /// <summary>The form field a Timeline error names (<c>support.email</c> → SupportEmail), and a prefix saying which shop line.</summary>
    private static (string Field, string Prefix) FormField(string field)
    {
        if (ShopField().Match(field) is { Success: true } shop)
        {
            return (nameof(ParcelShops), $"Line {int.Parse(shop.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1} ({shop.Groups[2].Value}): ");
        }

        var name = field.Split('[')[0].ToLowerInvariant();
        return (name switch
        {
            "name" => nameof(Name),
            "logourl" => nameof(LogoUrl),
            "primarycolour" => nameof(PrimaryColour),
            "accentcolour" => nameof(AccentColour),
            "languages" => nameof(Languages),
            "support.email" => nameof(SupportEmail),
            "support.phone" => nameof(SupportPhone),
            "support.url" => nameof(SupportUrl),
            "privacypolicyurl" => nameof(PrivacyPolicyUrl),
            "faqurl" => nameof(FaqUrl),
            "parcelshops" => nameof(ParcelShops),
            _ => "",
        }, "");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^parcelShops\[(\d+)\]\.?(\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex ShopField();
}
