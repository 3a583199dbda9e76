using MassTransit;
using Microsoft.AspNetCore.Mvc;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shipping.Web.DeliveryChanges;
using Shipping.Web.Tracking;

namespace Shipping.Web.Pages;

/// <summary>The customer's tracking page, <c>/t/{token}</c>: the order a signed link grants, and the delivery changes still possible.</summary>
public sealed class TrackModel(
    TrackingPageReader reader, TrackingPreferences notifications, IPublishEndpoint bus, ITimelineServiceApi timeline, TimeProvider time) : BrandedPageModel
{
    public TrackingPage? Tracking { get; private set; }

    /// <summary>A request just sent from this page (shipment, request id), shown as pending until Timeline has recorded it.</summary>
    public (Guid Shipment, Guid Request)? JustSent { get; private set; }

    public bool Invalid { get; private set; }

    /// <summary>The customer's rating was just recorded.</summary>
    public bool Rated { get; private set; }

    /// <summary>The rating just sent was refused (no stars, too long a comment, or not deliverable yet).</summary>
    public bool RatingInvalid { get; private set; }

    /// <summary>The customer's SMS and email preferences from Notifications; null when it cannot tell them now (or the order has no contact).</summary>
    public ContactPreferences? Preferences { get; private set; }

    /// <summary>What became of the preferences just posted (the redirect's <c>preferences</c> flag), if anything.</summary>
    public PreferencesOutcome? PreferencesResult { get; private set; }

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(
        string token, string? lang, Guid? shipment, Guid? request, bool invalid, bool rated, bool ratingInvalid, PreferencesOutcome? preferences,
        CancellationToken ct)
    {
        var link = reader.Validate(token);
        if (link is null)
        {
            return NotFoundPage(lang);
        }

        Tracking = await reader.ReadAsync(link, token, ct);
        if (Tracking is null)
        {
            return NotFoundPage(lang);
        }

        Chrome = new Chrome(link.Tenant, Tracking.Brand, ChooseLanguage(lang, Tracking.Order.Locale, Tracking.Brand), $"/t/{token}");
        if (shipment is { } s && request is { } r)
        {
            JustSent = (s, r);
        }

        Invalid = invalid;
        Rated = rated;
        RatingInvalid = ratingInvalid;
        PreferencesResult = preferences;
        if (Tracking.Order.MaskedPhone is not null || Tracking.Order.MaskedEmail is not null)
        {
            Preferences = await notifications.ReadAsync(link, ct);
        }

        return Page();
    }

    /// <summary>
    /// The customer turns SMS or email updates on or off, for the link's order only; only the channels the page offers
    /// (the order has a phone, an email address) count. SMS on needs the consent box ticked, or nothing is changed.
    /// </summary>
    public async Task<IActionResult> OnPostPreferencesAsync(string token, PreferencesForm form, CancellationToken ct)
    {
        var link = reader.Validate(token);
        var tracking = link is null ? null : await reader.ReadAsync(link, token, ct);
        if (link is null || tracking is null)
        {
            return NotFoundPage(null);
        }

        var outcome = await notifications.UpdateAsync(
            link, tracking.Order.MaskedPhone is null ? null : form.Sms, tracking.Order.MaskedEmail is null ? null : form.Email, form.SmsConsent, ct);
        return Redirect($"/t/{token}?preferences={outcome}#notifications");
    }

    /// <summary>The customer rates the delivery (1–5 stars, an optional comment); Timeline decides whether it may be rated yet.</summary>
    public async Task<IActionResult> OnPostRateAsync(string token, RatingForm form, CancellationToken ct)
    {
        var link = reader.Validate(token);
        if (link is null)
        {
            return NotFoundPage(null);
        }

        var comment = string.IsNullOrWhiteSpace(form.Comment) ? null : form.Comment.Trim();
        if (form.Stars is not (>= 1 and <= 5) || comment is { Length: > 1000 })
        {
            return Redirect($"/t/{token}?ratingInvalid=true#rating");
        }

        try
        {
            await timeline.RateDeliveryAsync(link.Tenant, link.OrderNumber, new RateDelivery(form.Stars.Value, comment), ct);
        }
        catch (Refit.ApiException e) when (e.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.Conflict)
        {
            return Redirect($"/t/{token}?ratingInvalid=true#rating");
        }
        catch (Refit.ApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return NotFoundPage(null);
        }

        return Redirect($"/t/{token}?rated=true#rating");
    }

    public async Task<IActionResult> OnPostChangeAsync(string token, DeliveryChangeForm form, CancellationToken ct)
    {
        var link = reader.Validate(token);
        if (link is null)
        {
            return NotFoundPage(null);
        }

        var shipment = await reader.ReadShipmentAsync(link, form.ShipmentId, ct);
        if (shipment is null)
        {
            return NotFoundPage(null);
        }

        var details = form.Details();
        if (details is null || !shipment.DeliveryOptions.Allowed.Contains(form.Kind))
        {
            return Redirect($"/t/{token}?invalid=true#shipment-{shipment.ShipmentId:N}");
        }

        var request = new DeliveryChangeRequested(
            NewId.NextGuid(), link.Tenant, shipment.ShipmentId, form.Kind, details, DeliveryChangeChannel.TrackingPage, time.GetUtcNow());
        await bus.Publish(request, ct);
        reader.Forget(link);
        return Redirect($"/t/{token}?shipment={shipment.ShipmentId}&request={request.RequestId}#changes-{shipment.ShipmentId:N}");
    }

    private PageResult NotFoundPage(string? lang)
    {
        Chrome = Chrome with { Texts = ChooseLanguage(lang, null, Chrome.Brand) };
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

/// <summary>The notification preferences form: a checkbox each for SMS and email, and the SMS consent.</summary>
public sealed class PreferencesForm
{
    public bool Sms { get; set; }
    public bool Email { get; set; }
    public bool SmsConsent { get; set; }
}

/// <summary>The rating form: stars (1–5) and an optional comment.</summary>
public sealed class RatingForm
{
    public int? Stars { get; set; }
    public string? Comment { get; set; }
}
