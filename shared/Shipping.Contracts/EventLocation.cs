namespace Shipping.Contracts;

/// <summary>Where a carrier event happened, as precisely as the carrier said. Country is ISO 3166-1 alpha-2.</summary>
public sealed record EventLocation(string? City, string? PostalCode, string? CountryCode, string? Region = null);
