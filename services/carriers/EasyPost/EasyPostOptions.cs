namespace Shipping.Carriers.EasyPost;

/// <summary>Configuration section <c>Carriers:EasyPost</c>.</summary>
public sealed class EasyPostOptions
{
    public const string Section = "Carriers:EasyPost";

    /// <summary>The carrier name shipments are registered with.</summary>
    public const string Carrier = "easypost";

    public const string DisplayName = "EasyPost";

    public string BaseUrl { get; set; } = "https://api.easypost.com";

    /// <summary>The API key, sent as the Basic-auth user name. Empty: every lookup fails without calling EasyPost.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The webhook's secret, the key of <c>X-Hmac-Signature</c>. Empty: every webhook is refused.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>What the adapter cannot do with this configuration, in words for the start-up log.</summary>
    public IReadOnlyList<string> MissingCredentials()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            missing.Add($"{Section}:ApiKey is not set: EasyPost trackers cannot be looked up (every poll fails) until it is");
        }

        if (string.IsNullOrEmpty(WebhookSecret))
        {
            missing.Add($"{Section}:WebhookSecret is not set: every EasyPost webhook will be refused with 401");
        }

        return missing;
    }
}
