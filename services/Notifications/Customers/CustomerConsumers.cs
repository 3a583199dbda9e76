using Marten;
using MassTransit;
using Shipping.Contracts;
using Shipping.Notifications.Alerts;
using Shipping.Notifications.Outbox;

namespace Shipping.Notifications.Customers;

/// <summary>Keeps the order's customer contact and consent. A redelivery changes nothing the customer changed since.</summary>
public sealed class OrderPlacedConsumer(IDocumentStore store) : IConsumer<OrderPlaced>
{
    public async Task Consume(ConsumeContext<OrderPlaced> context)
    {
        var order = context.Message;
        await using var session = store.LightweightSession();
        var id = CustomerContact.IdFor(order.TenantId, order.OrderNumber);
        if (await session.LoadAsync<CustomerContact>(id, context.CancellationToken) is not null)
        {
            return; // redelivered: the contact may since have been changed by the customer or support
        }

        var customer = order.Customer;
        var contact = new CustomerContact
        {
            Id = id,
            TenantId = order.TenantId,
            OrderNumber = order.OrderNumber,
            Name = customer.Name,
            Email = string.IsNullOrWhiteSpace(customer.Email) ? null : customer.Email.Trim(),
            Phone = string.IsNullOrWhiteSpace(customer.Phone) ? null : customer.Phone.Trim(),
            Locale = string.IsNullOrWhiteSpace(customer.Locale) ? "en" : customer.Locale,
            TimeZone = customer.TimeZone,
            DeliveryAddress = order.DeliveryAddress,
            SmsOptIn = customer.SmsOptIn,
            EmailOptIn = customer.EmailOptIn,
            UpdatedAt = order.PlacedAt,
        };
        contact.Record(customer.SmsOptIn ? "sms:on" : "sms:off", "checkout", order.PlacedAt);
        contact.Record(customer.EmailOptIn ? "email:on" : "email:off", "checkout", order.PlacedAt);
        session.Insert(contact);
        await session.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class OrderPlacedConsumerDefinition : ConsumerDefinition<OrderPlacedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<OrderPlacedConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(NotificationsRetry.Configure);
}

/// <summary>
/// Forgets the order's customer: contact details, and the recipients and texts in the message log and the outbox.
/// What was sent when, on which channel and with which outcome stays.
/// </summary>
public sealed class CustomerDataErasedConsumer(IDocumentStore store, TimeProvider time) : IConsumer<CustomerDataErased>
{
    public async Task Consume(ConsumeContext<CustomerDataErased> context)
    {
        var erased = context.Message;
        var ct = context.CancellationToken;
        await using var session = store.LightweightSession();
        var contact = await session.LoadAsync<CustomerContact>(CustomerContact.IdFor(erased.TenantId, erased.OrderNumber), ct)
            ?? new CustomerContact { Id = CustomerContact.IdFor(erased.TenantId, erased.OrderNumber), TenantId = erased.TenantId, OrderNumber = erased.OrderNumber };
        contact.Name = null;
        contact.Email = null;
        contact.Phone = null;
        contact.DeliveryAddress = null;
        contact.TimeZone = null;
        contact.Erased = true;
        contact.SmsOptIn = false;
        contact.UpdatedAt = time.GetUtcNow();
        session.Store(contact);

        var alerts = await session.Query<Alert>().Where(a => a.TenantId == erased.TenantId && a.OrderNumber == erased.OrderNumber).ToListAsync(ct);
        foreach (var alert in alerts)
        {
            alert.Recipient = null;
            alert.Subject = null;
            alert.Text = null;
            alert.Html = null;
            alert.ReplyText = null;
            alert.PersonalDataErased = true;
            session.Store(alert);
        }

        var outbox = await session.Query<OutboxMessage>().Where(m => m.TenantId == erased.TenantId && m.OrderNumber == erased.OrderNumber).ToListAsync(ct);
        foreach (var message in outbox)
        {
            message.To = null;
            message.Subject = null;
            message.Text = null;
            message.Html = null;
            session.Store(message);
        }

        session.DeleteWhere<Replies.InboundMessage>(m => m.TenantId == erased.TenantId && m.OrderNumber == erased.OrderNumber);
        await session.SaveChangesAsync(ct);
    }
}

public sealed class CustomerDataErasedConsumerDefinition : ConsumerDefinition<CustomerDataErasedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CustomerDataErasedConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(NotificationsRetry.Configure);
}
