using System.Text.RegularExpressions;

namespace Shipping.Notifications.Email.Inbound;

/// <summary>Cuts the quoted original (and signatures) away from an email reply, leaving what the customer wrote.</summary>
public static partial class QuotedText
{
    public static string NewPart(string? text)
    {
        var kept = new List<string>();
        foreach (var raw in (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (Boundary().IsMatch(line))
            {
                break;
            }

            kept.Add(line);
        }

        return string.Join('\n', kept).Trim();
    }

    [GeneratedRegex(@"^\s*(>|On .+wrote:?$|Am .+schrieb.*:?$|-{2,}\s*(Original Message|Ursprüngliche Nachricht|Forwarded message)|(From|Von|Sent|Gesendet):\s|--\s*$|Sent from my|Von meinem .+ gesendet)", RegexOptions.IgnoreCase)]
    private static partial Regex Boundary();
}
