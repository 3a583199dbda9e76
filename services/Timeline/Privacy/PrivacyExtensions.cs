using Marten;
using Shipping.Timeline.Orders;
using Shipping.Timeline.Privacy;
using Shipping.Timeline.Privacy.Erasing;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline;

/// <summary>Erasure and export of a customer's personal data (<see cref="PersonalDataMasking"/>, <see cref="CustomerDataEraser"/>).</summary>
public static class PrivacyExtensions
{
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten(options =>
        {
            // Every stored event type that holds personal data has a rule; the others hold none (see each event's doc).
            options.Events.AddMaskingRuleForProtectedInformation<OrderRegistered>(PersonalDataMasking.Mask);
            options.Events.AddMaskingRuleForProtectedInformation<DeliveryChangeRecorded>(PersonalDataMasking.Mask);
            options.Events.AddMaskingRuleForProtectedInformation<Orders.AddingNote.AgentNoteAdded>(PersonalDataMasking.Mask);
            options.Events.AddMaskingRuleForProtectedInformation<Orders.RatingDelivery.DeliveryRated>(PersonalDataMasking.Mask);
        });
        builder.Services.AddSingleton<CustomerDataEraser>();
        return builder;
    }

    public static WebApplication MapPrivacyApi(this WebApplication app)
    {
        app.MapGroup("/api/orders").RequireAuthorization().WithTags("Privacy").MapOrderPrivacy();
        app.MapGroup("/api/customers").RequireAuthorization().WithTags("Privacy").MapCustomerPrivacy();
        return app;
    }
}
