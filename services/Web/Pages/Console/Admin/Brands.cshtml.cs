using Microsoft.AspNetCore.Mvc;
using Shipping.Contracts.Api;
using Shipping.ServiceDefaults;
using Shipping.Web.Console;

namespace Shipping.Web.Pages.Console.Admin;

/// <summary><c>/console/admin/brands</c> (admins): every brand Timeline knows, and a way to open any tenant's.</summary>
public sealed class BrandsModel(ITimelineServiceApi timeline, IAuditLog audit, TimeProvider time) : AdminPageModel(audit, time)
{
    public IReadOnlyList<TenantBrand> Brands { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? tenant, CancellationToken ct)
    {
        if (tenant is not null)
        {
            var id = tenant.Trim().ToLowerInvariant();
            if (ServiceKeyAuthenticationHandler.TenantPattern().IsMatch(id))
            {
                return Redirect($"/console/admin/brands/{id}");
            }

            Errors["tenant"] = "Lower-case letters, digits and hyphens.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Brands = await BrandList.ReadAsync(timeline, ct);
        return Page();
    }
}
