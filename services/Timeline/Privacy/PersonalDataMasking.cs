using Shipping.Contracts;
using Shipping.Timeline.Orders;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.Privacy;

/// <summary>
/// What erasure leaves of each stored fact that holds personal data. Marten applies these rules to the stored event
/// bodies (<c>ApplyEventDataMasking</c>), and the read models apply the same rules when the erasure event reaches them,
/// so a replay and a live read model agree. Everything not personal stays: dates, carriers, tracking numbers, the
/// carrier's scans, the kind and outcome of each delivery change, and the customer's locale and time zone (what the
/// promised day and the language are reckoned by; not identifying on their own).
/// </summary>
public static class PersonalDataMasking
{
    /// <summary>What an erased customer's name reads as; email and phone are gone, consent is withdrawn.</summary>
    public const string ErasedName = "[erased]";

    public static Customer Mask(Customer customer) =>
        new(ErasedName, Email: null, Phone: null, customer.Locale, customer.TimeZone, SmsOptIn: false, EmailOptIn: false);

    /// <summary>The customer's name, email and phone and the delivery address.</summary>
    public static OrderRegistered Mask(OrderRegistered e) => e with { Customer = Mask(e.Customer), DeliveryAddress = null };

    /// <summary>
    /// A neighbour's name and house number, another address and the safe-place text (it describes where someone
    /// lives). The new date and a parcel shop's id are not personal and stay.
    /// </summary>
    public static DeliveryChangeDetails Mask(DeliveryChangeDetails details) =>
        details with { NeighbourName = null, NeighbourHouseNumber = null, Address = null, SafePlace = null };

    public static DeliveryChangeRecorded Mask(DeliveryChangeRecorded e) => e with { Details = Mask(e.Details) };

    /// <summary>What an agent's note reads as once erased: agents may have written anything about the customer.</summary>
    public const string ErasedText = "[erased with the customer's data]";

    public static Orders.AddingNote.AgentNoteAdded Mask(Orders.AddingNote.AgentNoteAdded e) => e with { Text = ErasedText };

    /// <summary>The stars stay; the customer's own words go.</summary>
    public static Orders.RatingDelivery.DeliveryRated Mask(Orders.RatingDelivery.DeliveryRated e) => e with { Comment = null };

    public static Contracts.Api.DeliveryRating Mask(Contracts.Api.DeliveryRating rating) => rating with { Comment = null };
}
