namespace Shipping.Carriers.Fedex;

/// <summary>Configuration section <c>Carriers:Fedex</c>.</summary>
public sealed class FedexOptions
{
    public const string Carrier = "fedex";

    public const string DisplayName = "FedEx";

    public const string Section = "Carriers:Fedex";

    /// <summary>The Track API's host (the spec's servers entry is just "/"); the sandbox is https://apis-sandbox.fedex.com.</summary>
    public string BaseUrl { get; set; } = "https://apis.fedex.com";

    /// <summary>The project's API key, the OAuth client id. Empty: every lookup fails until it is set.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The project's secret key, the OAuth client secret.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Sent as <c>x-locale</c>: the language of FedEx's event descriptions.</summary>
    public string Locale { get; set; } = "en_US";

    public bool HasCredentials => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>The base URL with a trailing slash, so relative paths keep any path it has.</summary>
    public Uri BaseUri => new(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/", UriKind.Absolute);
}
