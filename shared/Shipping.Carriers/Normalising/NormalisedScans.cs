namespace Shipping.Carriers.Normalising;

/// <summary>What a normaliser made of a carrier payload: canonical scans, or what is wrong with the payload, by field.</summary>
public sealed record NormalisedScans(IReadOnlyList<CarrierScan> Scans, IDictionary<string, string[]> Errors, string? SelfServiceUrl = null)
{
    public bool IsValid => Errors.Count == 0;

    public static NormalisedScans Valid(IReadOnlyList<CarrierScan> scans, string? selfServiceUrl = null) =>
        new(scans, new Dictionary<string, string[]>(), selfServiceUrl);

    public static NormalisedScans Invalid(IDictionary<string, string[]> errors) => new([], errors);

    public static NormalisedScans Invalid(string field, string error) => Invalid(new Dictionary<string, string[]> { [field] = [error] });
}
