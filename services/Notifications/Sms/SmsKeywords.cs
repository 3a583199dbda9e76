namespace Shipping.Notifications.Sms;

public enum SmsKeyword
{
    None,
    OptOut,
    OptIn,
    Help,
}

/// <summary>Twilio's standard keywords. They count only as the whole message ("STOP PLEASE" is not an opt-out).</summary>
public static class SmsKeywords
{
    private static readonly HashSet<string> OptOut = new(StringComparer.OrdinalIgnoreCase) { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT" };
    private static readonly HashSet<string> OptIn = new(StringComparer.OrdinalIgnoreCase) { "START", "YES", "UNSTOP" };

    public static SmsKeyword Of(string? body)
    {
        var word = (body ?? "").Trim();
        return OptOut.Contains(word) ? SmsKeyword.OptOut
            : OptIn.Contains(word) ? SmsKeyword.OptIn
            : string.Equals(word, "HELP", StringComparison.OrdinalIgnoreCase) ? SmsKeyword.Help
            : SmsKeyword.None;
    }
}
