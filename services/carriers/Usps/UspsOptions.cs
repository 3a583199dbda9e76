namespace Shipping.Carriers.Usps;

/// <summary>Configuration section <c>Carriers:Usps</c>. Credentials come from user secrets or the environment, never the repository.</summary>
public sealed class UspsOptions
{
    public const string Carrier = "usps";

    public const string DisplayName = "USPS";

    public const string Section = "Carriers:Usps";

    /// <summary>Host of the USPS APIs: tracking under <c>/tracking/v3r2</c>, the OAuth token under <c>/oauth2/v3/token</c>.</summary>
    public string BaseUrl { get; set; } = "https://apis.usps.com";

    /// <summary>Consumer key of the USPS developer app (OAuth2 client credentials). Empty: every lookup fails.</summary>
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>The <c>secret</c> given when subscribing to tracking notifications. Empty: every webhook is refused with 401.</summary>
    public string WebhookSecret { get; set; } = "";

    public bool HasApiCredentials => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
