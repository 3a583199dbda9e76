using Marten;
using MassTransit;
using Shipping.Contracts;

namespace Shipping.Timeline.Tenancy.Brands;

/// <summary>
/// Announces every tenant's brand again when a service asks (<see cref="BrandsAnnouncementRequested"/>): each as it stands, with
/// the time it was set, so a consumer that already holds it (or a newer one) changes nothing. The change id is derived from
/// the tenant and that time, so announcing the same brand twice is the same message.
/// </summary>
public sealed class AnnounceBrandsConsumer(IDocumentStore store) : IConsumer<BrandsAnnouncementRequested>
{
    public async Task Consume(ConsumeContext<BrandsAnnouncementRequested> context)
    {
        await using var session = store.QuerySession();
        var views = await session.Query<BrandView>().Where(v => v.AnyTenant()).ToListAsync(context.CancellationToken);
        foreach (var view in views.Where(v => v.TenantId is not null))
        {
            var changeId = StableIds.From("brand-set", view.TenantId!, view.UpdatedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            await context.Publish(new BrandConfigured(changeId, view.TenantId!, view.Brand, view.UpdatedAt), context.CancellationToken);
        }
    }
}

public sealed class AnnounceBrandsConsumerDefinition : ConsumerDefinition<AnnounceBrandsConsumer>
{
    public AnnounceBrandsConsumerDefinition() => ConcurrentMessageLimit = 1;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AnnounceBrandsConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(500, 2_000, 5_000));
}
