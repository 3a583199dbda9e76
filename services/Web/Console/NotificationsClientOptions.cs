namespace Shipping.Web.Console;

/// <summary>Where Web reaches Notifications (<c>Web:Notifications:*</c>): the console's message log, resends and local outbox.</summary>
public sealed class NotificationsClientOptions
{
    public const string Section = WebOptions.Section + ":Notifications";

    public string BaseUrl { get; set; } = "http://127.0.0.1:5200";

    /// <summary>Web's key for Notifications (<c>Platform:ServiceKeys:web</c> on its side). Never in the repository except Development's.</summary>
    public string ServiceKey { get; set; } = "";
}
