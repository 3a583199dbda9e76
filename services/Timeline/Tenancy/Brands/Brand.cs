using Marten.Events.Aggregation;
using Shipping.Contracts;

namespace Shipping.Timeline.Tenancy.Brands;

/// <summary>The retailer changed its brand settings (on the tenant's brand stream; published as <see cref="BrandConfigured"/>).</summary>
public sealed record BrandSet(BrandSettings Brand, DateTimeOffset SetAt);

/// <summary>A tenant's current brand settings, kept inline with its brand stream.</summary>
public sealed class BrandView : Marten.Metadata.ITenanted
{
    public Guid Id { get; set; }

    /// <summary>Filled by Marten (conjoined tenancy), so a list across tenants knows whose brand it found.</summary>
    public string? TenantId { get; set; }
    public BrandSettings Brand { get; set; } = BrandSettings.Default("");
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Each tenant has one brand stream (ids are unique per tenant).</summary>
    public static readonly Guid StreamId = StableIds.From("brand");
}

public sealed class BrandViewProjection : SingleStreamProjection<BrandView, Guid>
{
    public static BrandView Create(BrandSet e) => new() { Brand = e.Brand, UpdatedAt = e.SetAt };

    public void Apply(BrandSet e, BrandView view)
    {
        view.Brand = e.Brand;
        view.UpdatedAt = e.SetAt;
    }
}
