using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Shipping.Timeline;

/// <summary>What Timeline accepts as an email address and a phone number, wherever one is given (customers, brands' support).</summary>
public static partial class ContactFormats
{
    public static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value.Trim();

    /// <summary>A phone number written in E.164: + and 7 to 15 digits, e.g. +4915112345678.</summary>
    public static bool IsE164(string value) => E164().IsMatch(value);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
