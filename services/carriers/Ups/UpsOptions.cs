namespace Shipping.Carriers.Ups;

/// <summary>Configuration section <c>Carriers:Ups</c>.</summary>
public sealed class UpsOptions
{
    public const string Section = "Carriers:Ups";

    public const string Carrier = "ups";

    /// <summary>UPS's API host: production <c>https://onlinetools.ups.com</c>, or the CIE <c>https://wwwcie.ups.com</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://onlinetools.ups.com");

    /// <summary>OAuth client id of the UPS developer app. Empty: every lookup fails (and the start says so).</summary>
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Sent as <c>transactionSrc</c> on every call: identifies this application to UPS.</summary>
    public string TransactionSource { get; set; } = "shipping";

    /// <summary>Language of UPS's descriptions (<c>locale</c> query parameter).</summary>
    public string Locale { get; set; } = "en_US";

    /// <summary>
    /// The credential configured for the Track Alert subscription, which UPS presents on every webhook call.
    /// Empty: every webhook is refused.
    /// </summary>
    public string WebhookCredential { get; set; } = "";

    public bool HasApiCredentials => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>The configuration keys that are missing, for the warning at start.</summary>
    public IReadOnlyList<string> MissingSettings()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            missing.Add($"{Section}:ClientId");
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            missing.Add($"{Section}:ClientSecret");
        }

        if (string.IsNullOrWhiteSpace(WebhookCredential))
        {
            missing.Add($"{Section}:WebhookCredential");
        }

        return missing;
    }

    /// <summary>The base URL with a trailing slash, so relative paths resolve below it.</summary>
    internal Uri BaseAddress => BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");
}
