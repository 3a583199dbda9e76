using Marten;
using MassTransit;
using Shipping.Contracts;

namespace Shipping.Notifications.Brands;

/// <summary>Follows the brand's name, logo, colours and languages; an older configuration arriving late changes nothing.</summary>
public sealed class BrandConfiguredConsumer(IDocumentStore store) : IConsumer<BrandConfigured>
{
    public async Task Consume(ConsumeContext<BrandConfigured> context)
    {
        var configured = context.Message;
        await using var session = store.LightweightSession();
        var profile = await session.LoadAsync<BrandProfile>(configured.TenantId, context.CancellationToken) ?? new BrandProfile { Id = configured.TenantId };
        if (profile.ConfiguredAt is { } known && known > configured.ConfiguredAt)
        {
            return;
        }

        profile.Settings = configured.Brand;
        profile.ConfiguredAt = configured.ConfiguredAt;
        session.Store(profile);
        await session.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class BrandConfiguredConsumerDefinition : ConsumerDefinition<BrandConfiguredConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<BrandConfiguredConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(NotificationsRetry.Configure);
}
