using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Contracts;
using Shipping.Contracts.Api;

namespace Shipping.Timeline.Tenancy.Brands;

/// <summary>
/// The calling tenant's brand: name, logo, colours, languages, support contact, privacy and FAQ links. Until it is set,
/// a neutral default is answered. Every change is kept on the tenant's brand stream and announced as <see cref="BrandConfigured"/>.
/// </summary>
public static class BrandEndpoints
{
    public static RouteGroupBuilder MapBrand(this RouteGroupBuilder brand)
    {
        brand.MapGet("/", GetAsync).WithName("GetBrand").WithSummary("This tenant's brand settings (a default until set).");
        brand.MapPut("/", SetAsync).WithName("SetBrand").WithSummary("Sets this tenant's brand settings. Setting the same ones again changes nothing.");
        return brand;
    }

    /// <summary><c>GET /api/brands</c>: every tenant's brand, for platform services (Web's console lists brands).</summary>
    public static WebApplication MapBrands(this WebApplication app)
    {
        app.MapGet("/api/brands", ListAsync)
            .RequireAuthorization(PlatformServiceAuthenticationHandler.Policy)
            .WithTags("Brand")
            .WithName("ListBrands")
            .WithSummary("Platform services only (service key, no X-Tenant-Id): every tenant that set its brand, with its settings, by tenant id. A retailer's key gets 403.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<TenantBrand>>> ListAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var views = await session.Query<BrandView>().Where(v => v.AnyTenant()).ToListAsync(ct);
        IReadOnlyList<TenantBrand> brands = [.. views
            .Where(v => v.TenantId is not null)
            .Select(v => new TenantBrand(v.TenantId!, v.Brand))
            .OrderBy(b => b.TenantId, StringComparer.Ordinal)];
        return TypedResults.Ok(brands);
    }

    private static async Task<Ok<BrandSettings>> GetAsync(HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        var tenant = http.User.TenantId();
        await using var session = store.QuerySession(tenant);
        var view = await session.LoadAsync<BrandView>(BrandView.StreamId, ct);
        return TypedResults.Ok(view?.Brand ?? BrandSettings.Default(tenant));
    }

    private static async Task<Results<Ok<BrandSettings>, ValidationProblem, ProblemHttpResult>> SetAsync(
        BrandRequest request, HttpContext http, IDocumentStore store, TimeProvider time, CancellationToken ct)
    {
        var (brand, errors) = request.Validate();
        if (brand is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The brand has invalid fields");
        }

        await using var session = store.LightweightSession(http.User.TenantId());
        var stream = await session.Events.FetchForWriting<BrandView>(BrandView.StreamId, ct);
        if (stream.Aggregate is { } current && Same(current.Brand, brand))
        {
            return TypedResults.Ok(current.Brand);
        }

        stream.AppendOne(new BrandSet(brand, time.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The brand changed at the same time",
                detail: "Another change to the brand was saved first. Send the request again.");
        }

        return TypedResults.Ok(brand);
    }

    private static bool Same(BrandSettings a, BrandSettings b) =>
        a with { Languages = [], ParcelShops = null } == b with { Languages = [], ParcelShops = null } && a.Languages.SequenceEqual(b.Languages)
        && (a.ParcelShops ?? []).SequenceEqual(b.ParcelShops ?? []);
}
