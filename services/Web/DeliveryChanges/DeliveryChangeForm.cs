using Shipping.Contracts;

namespace Shipping.Web.DeliveryChanges;

/// <summary>
/// A delivery change as a form posts it: the customer's on the tracking page, or an agent's for the customer on the console's
/// order page. Which fields count depends on the kind.
/// </summary>
public sealed class DeliveryChangeForm
{
    public Guid ShipmentId { get; set; }
    public DeliveryChangeKind Kind { get; set; }
    public DateOnly? Date { get; set; }
    public string? NeighbourName { get; set; }
    public string? NeighbourHouseNumber { get; set; }
    public string? ParcelShopId { get; set; }
    public string? SafePlace { get; set; }
    public string? Street { get; set; }
    public string? HouseNumber { get; set; }
    public string? Postcode { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public string? Name { get; set; }

    /// <summary>The details for <see cref="Kind"/>, or null when a required field is missing or too long.</summary>
    public DeliveryChangeDetails? Details()
    {
        static string? Clean(string? value, int max = 100) =>
            string.IsNullOrWhiteSpace(value) || value.Trim().Length > max ? null : value.Trim();

        return Kind switch
        {
            DeliveryChangeKind.NewDate when Date is { } date => new DeliveryChangeDetails(Date: date),
            DeliveryChangeKind.Neighbour when Clean(NeighbourName) is { } name && Clean(NeighbourHouseNumber, 20) is { } number =>
                new DeliveryChangeDetails(NeighbourName: name, NeighbourHouseNumber: number),
            DeliveryChangeKind.ParcelShop when Clean(ParcelShopId) is { } shop => new DeliveryChangeDetails(ParcelShopId: shop),
            DeliveryChangeKind.SafePlace when Clean(SafePlace, 200) is { } place => new DeliveryChangeDetails(SafePlace: place),
            DeliveryChangeKind.OtherAddress when Clean(Street) is { } street && Clean(Postcode, 12) is { } postcode && Clean(City) is { } city
                                                 && (Country is null || Clean(Country, 2) is { Length: 2 }) =>
                new DeliveryChangeDetails(Address: new PostalAddress(
                    street, Clean(HouseNumber, 20), postcode, city, (Clean(Country, 2) ?? "DE").ToUpperInvariant(), Clean(Name))),
            _ => null,
        };
    }

    /// <summary>What is missing, in words, for the kind chosen (the console's English).</summary>
    public string Requirement => Kind switch
    {
        DeliveryChangeKind.NewDate => "a date",
        DeliveryChangeKind.Neighbour => "the neighbour's name and house number",
        DeliveryChangeKind.ParcelShop => "a parcel shop",
        DeliveryChangeKind.SafePlace => "a safe place (at most 200 characters)",
        DeliveryChangeKind.OtherAddress => "street, postcode and city (country as two letters)",
        _ => "the details",
    };
}
