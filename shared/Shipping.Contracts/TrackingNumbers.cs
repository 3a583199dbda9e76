namespace Shipping.Contracts;

public static class TrackingNumbers
{
    /// <summary>Tracking numbers compare without case and without the spaces people and some carriers put in them.</summary>
    public static string Normalise(string trackingNumber) =>
        string.Concat(trackingNumber.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
