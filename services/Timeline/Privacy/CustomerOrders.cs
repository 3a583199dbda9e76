using Marten;
using Shipping.Timeline.Orders;
using Shipping.Timeline.ReadSide.Searching;

namespace Shipping.Timeline.Privacy;

/// <summary>
/// A person named by email or phone, normalised the way search normalises them (<see cref="SearchKeys"/>): an email
/// trimmed and lower-cased, a phone in E.164. Only the international form of a phone is taken: a national number
/// could mean a different person in every country.
/// </summary>
public sealed record CustomerKey(string? Email, string? Phone)
{
    public static (CustomerKey? Key, Dictionary<string, string[]> Errors) From(string? email, string? phone)
    {
        var errors = new Dictionary<string, string[]>();
        var hasEmail = !string.IsNullOrWhiteSpace(email);
        var hasPhone = !string.IsNullOrWhiteSpace(phone);
        if (hasEmail == hasPhone)
        {
            errors["email"] = errors["phone"] = ["Give the customer's email or phone, one of them."];
            return (null, errors);
        }

        if (hasEmail)
        {
            if (email!.Length > 254 || !email.Contains('@'))
            {
                errors["email"] = ["Not an email address."];
                return (null, errors);
            }

            return (new CustomerKey(Emails.Normalise(email), null), errors);
        }

        if (phone!.Length > 32 || PhoneNumbers.ToE164(phone, region: null) is not { } e164)
        {
            errors["phone"] = ["Must be an international number, e.g. +4915112345678."];
            return (null, errors);
        }

        return (new CustomerKey(null, e164), errors);
    }

    /// <summary>
    /// Every order of the session's tenant whose customer has this email or phone, oldest first. Read from the inline
    /// <see cref="OrderDetails"/> (consistent with the last write, unlike the asynchronous search view), so an order
    /// registered a moment ago is not missed. An erased order has no email or phone left and is not found.
    /// </summary>
    public async Task<IReadOnlyList<OrderDetails>> FindOrdersAsync(IQuerySession session, CancellationToken ct)
    {
        var query = Email is { } email
            ? session.Query<OrderDetails>().Where(o => o.Customer.Email != null && o.Customer.Email.ToLower() == email)
            : session.Query<OrderDetails>().Where(o => o.Customer.Phone == Phone);
        var orders = await query.ToListAsync(ct);
        return orders.OrderBy(o => o.RegisteredAt).ToList();
    }
}
