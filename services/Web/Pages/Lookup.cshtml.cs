using System.Net;
using Microsoft.AspNetCore.Mvc;
using Refit;
using Shipping.Contracts.Api;
using Shipping.ServiceDefaults;
using Shipping.Web.Tracking;
using Microsoft.Extensions.Options;

namespace Shipping.Web.Pages;

/// <summary>
/// <c>/{tenant}/lookup</c>: a retailer's customers find an order by its number plus the delivery postcode or their email.
/// The tracking site is per brand (the tenant in the path), so a number is only ever looked up within one retailer. Every
/// miss gets the same answer, and each client may try only a few times a minute (rate limiter policy "lookup").
/// </summary>
public sealed class LookupModel(ITimelineServiceApi timeline, TrackingPageReader reader, TrackingLinks links, TimeProvider time, IOptions<WebOptions> options)
    : BrandedPageModel
{
    [BindProperty] public string? OrderNumber { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public string? Email { get; set; }

    public bool NotFoundMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string tenant, string? lang, CancellationToken ct)
    {
        if (!ServiceKeyAuthenticationHandler.TenantPattern().IsMatch(tenant))
        {
            return NotFound();
        }

        await PrepareAsync(tenant, lang, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string tenant, CancellationToken ct)
    {
        if (!ServiceKeyAuthenticationHandler.TenantPattern().IsMatch(tenant))
        {
            return NotFound();
        }

        var orderNumber = OrderNumber?.Trim();
        if (!string.IsNullOrEmpty(orderNumber) && (!string.IsNullOrWhiteSpace(Postcode) || !string.IsNullOrWhiteSpace(Email)))
        {
            try
            {
                var found = await timeline.LookupAsync(tenant, new TrackingLookup(orderNumber, Postcode?.Trim(), Email?.Trim()), ct);
                var token = links.Create(tenant, found.OrderNumber, time.GetUtcNow().Add(options.Value.Lookup.LinkLifetime));
                return Redirect($"/t/{token}");
            }
            catch (ApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                // the same answer as for missing fields, below
            }
        }

        await PrepareAsync(tenant, null, ct);
        NotFoundMessage = true;
        return Page();
    }

    private async Task PrepareAsync(string tenant, string? lang, CancellationToken ct)
    {
        var brand = await reader.ReadBrandAsync(tenant, ct);
        Chrome = new Chrome(tenant, brand, ChooseLanguage(lang, null, brand), $"/{tenant}/lookup");
    }
}
