using Marten;
using Shipping.Notifications.Customers;

namespace Shipping.Notifications.Sms;

/// <summary>
/// SMS consent follows the phone number: Twilio's opt-out covers our sender for that number, so STOP (or error 21610)
/// unsubscribes every order's contact with it, and START subscribes them again.
/// </summary>
public static class SmsOptOut
{
    public static async Task<IReadOnlyList<CustomerContact>> MarkUnsubscribedAsync(IDocumentSession session, string phone, string source, DateTimeOffset at, CancellationToken ct)
    {
        var contacts = await session.Query<CustomerContact>().Where(c => c.Phone == phone).ToListAsync(ct);
        foreach (var contact in contacts.Where(c => !c.SmsUnsubscribed))
        {
            contact.SmsUnsubscribed = true;
            contact.Record("sms:off", source, at);
            contact.UpdatedAt = at;
            session.Store(contact);
        }

        return contacts.ToList();
    }

    public static async Task<IReadOnlyList<CustomerContact>> MarkSubscribedAsync(IDocumentSession session, string phone, string source, DateTimeOffset at, CancellationToken ct)
    {
        var contacts = await session.Query<CustomerContact>().Where(c => c.Phone == phone && !c.Erased).ToListAsync(ct);
        foreach (var contact in contacts)
        {
            contact.SmsUnsubscribed = false;
            contact.SmsOptIn = true;
            contact.Record("sms:on", source, at);
            contact.UpdatedAt = at;
            session.Store(contact);
        }

        return contacts.ToList();
    }
}
