namespace Shipping.Contracts;

/// <summary>Where a shipment's expected delivery comes from, best first.</summary>
public enum EstimateSource
{
    /// <summary>The carrier's own estimate.</summary>
    Carrier,
    /// <summary>A prediction from this platform's history of delivered parcels on the same route.</summary>
    History,
    /// <summary>The date the retailer promised the customer.</summary>
    Promised,
}

public enum EstimateConfidence
{
    Low,
    Medium,
    High,
}
