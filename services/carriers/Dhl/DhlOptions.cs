namespace Shipping.Carriers.Dhl;

/// <summary>Configuration section <c>Carriers:Dhl</c> (DHL Shipment Tracking – Unified).</summary>
public sealed class DhlOptions
{
    public const string Carrier = "dhl";

    public const string Section = "Carriers:Dhl";

    /// <summary>Where the tracking API lives; lookups go to <c>{BaseUrl}/track/shipments</c>.</summary>
    public string BaseUrl { get; set; } = "https://api-eu.dhl.com";

    /// <summary>The DHL developer portal's API key, sent as <c>DHL-API-Key</c>. Empty: every lookup fails, without calling DHL.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// DHL's <c>service</c> hint (express, parcel-de, ecommerce, …) for parcels whose service is not known yet.
    /// Empty: DHL searches all its services. Once a response says which service a parcel belongs to, that one is used.
    /// </summary>
    public string Service { get; set; } = "";

    /// <summary>Preferred response language (ISO 639-1). The free-text statuses that are recognised are DHL's English ones.</summary>
    public string Language { get; set; } = "en";
}
