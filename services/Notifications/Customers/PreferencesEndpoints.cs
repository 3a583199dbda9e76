using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.ServiceDefaults;

namespace Shipping.Notifications.Customers;

/// <summary>The customer's contact preferences for support: SMS and email on or off (with consent recorded), channel order.</summary>
public static class PreferencesEndpoints
{
    public static RouteGroupBuilder MapPreferences(this RouteGroupBuilder api)
    {
        api.MapGet("/orders/{orderNumber}/preferences", GetAsync).WithName("GetPreferences");
        api.MapPut("/orders/{orderNumber}/preferences", UpdateAsync).WithName("UpdatePreferences");
        return api;
    }

    private static async Task<Results<Ok<ContactPreferences>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetAsync(
        string orderNumber, HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var contact = await session.LoadAsync<CustomerContact>(CustomerContact.IdFor(PlatformClaims.TenantOf(http.User), orderNumber), ct);
        return contact is null || contact.TenantId != PlatformClaims.TenantOf(http.User) ? NotFound(orderNumber) : TypedResults.Ok(ToPreferences(contact));
    }

    private static async Task<Results<Ok<ContactPreferences>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ValidationProblem>> UpdateAsync(
        string orderNumber, UpdateContactPreferences request, HttpContext http, IDocumentStore store, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Sms == true && string.IsNullOrWhiteSpace(request.ConsentSource))
        {
            errors["consentSource"] = ["Turning SMS on needs the customer's consent recorded: say how they agreed."];
        }

        if (request.PreferredChannels is { } channels && (channels.Count == 0 || channels.Distinct().Count() != channels.Count))
        {
            errors["preferredChannels"] = ["Name each channel once, at least one."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var tenant = PlatformClaims.TenantOf(http.User);
        await using var session = store.LightweightSession();
        var contact = await session.LoadAsync<CustomerContact>(CustomerContact.IdFor(tenant, orderNumber), ct);
        if (contact is null || contact.TenantId != tenant)
        {
            return NotFound(orderNumber);
        }

        var now = time.GetUtcNow();
        var source = $"support:{http.User.FindFirst(PlatformClaims.Service)?.Value}" + (string.IsNullOrWhiteSpace(request.ConsentSource) ? "" : $" ({request.ConsentSource.Trim()})");
        if (request.Sms is { } sms)
        {
            contact.SmsOptIn = sms;
            if (sms)
            {
                contact.SmsUnsubscribed = false;
            }

            contact.Record(sms ? "sms:on" : "sms:off", source, now);
        }

        if (request.Email is { } email)
        {
            contact.EmailOptIn = email;
            contact.EmailUnsubscribed = !email;
            contact.Record(email ? "email:on" : "email:off", source, now);
        }

        if (request.PreferredChannels is { } preferred)
        {
            contact.PreferredChannels = [.. preferred];
        }

        contact.UpdatedAt = now;
        session.Store(contact);
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(ToPreferences(contact));
    }

    private static NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails> NotFound(string orderNumber) =>
        TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "Unknown order", Detail = $"Notifications knows no customer for order {orderNumber}." });

    private static ContactPreferences ToPreferences(CustomerContact c) => new(
        c.OrderNumber, c.SmsOptIn, c.SmsUnsubscribed, c.EmailOptIn && !c.EmailUnsubscribed, c.PreferredChannels, c.Language, c.TimeZone,
        c.ConsentHistory.Select(r => new ConsentChange(r.What, r.Source, r.At)).ToList());
}
