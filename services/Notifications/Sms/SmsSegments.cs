namespace Shipping.Notifications.Sms;

public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}

/// <summary>How an SMS text is encoded and how many segments it costs (3GPP TS 23.038).</summary>
public static class SmsSegments
{
    /// <summary>An alert may cost at most this many segments.</summary>
    public const int MaxSegments = 2;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /// <summary>Characters of the extension table: each costs two septets (escape + character).</summary>
    private const string Extension = "\f^{}\\[~]|€";

    public static SmsEncoding EncodingOf(string text) =>
        text.All(c => Basic.Contains(c) || Extension.Contains(c)) ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2;

    /// <summary>Septets (GSM-7) or UTF-16 code units (UCS-2) the text needs.</summary>
    public static int Units(string text) =>
        EncodingOf(text) == SmsEncoding.Gsm7 ? text.Sum(c => Extension.Contains(c) ? 2 : 1) : text.Length;

    public static int Count(string text)
    {
        if (text.Length == 0)
        {
            return 1;
        }

        var gsm = EncodingOf(text) == SmsEncoding.Gsm7;
        var units = Units(text);
        var single = gsm ? 160 : 70;
        var perPart = gsm ? 153 : 67;
        return units <= single ? 1 : (units + perPart - 1) / perPart;
    }

    public static bool Fits(string text) => Count(text) <= MaxSegments;

    /// <summary>Cuts the text (at a word where it can) so it fits <see cref="MaxSegments"/>.</summary>
    public static string Truncate(string text)
    {
        if (Fits(text))
        {
            return text;
        }

        var ellipsis = EncodingOf(text) == SmsEncoding.Gsm7 ? "..." : "…";
        var length = text.Length;
        while (length > 0 && !Fits(text[..length].TrimEnd() + ellipsis))
        {
            length--;
        }

        var cut = text[..length];
        var space = cut.LastIndexOf(' ');
        if (space > length / 2)
        {
            cut = cut[..space];
        }

        return cut.TrimEnd() + ellipsis;
    }
}
