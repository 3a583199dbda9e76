namespace Shipping.ServiceDefaults;

/// <summary>
/// How personal data is shown to someone who holds only a tracking link: enough to recognise it, never enough to use it.
/// A phone keeps its country code and last two digits (<c>+49 *** **12</c>), an email its first letter and domain
/// (<c>e***@example.com</c>).
/// </summary>
public static class PersonalDataDisplay
{
    public static string? MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 6)
        {
            return "***";
        }

        var last = digits[^2..];
        if (phone.TrimStart().StartsWith('+'))
        {
            // North America (+1) and Russia/Kazakhstan (+7) have one-digit country codes; two digits cover the rest
            // well enough to be recognised (a three-digit code shows one more digit of the prefix, still masked).
            var country = digits[0] is '1' or '7' ? digits[..1] : digits[..2];
            return $"+{country} *** **{last}";
        }

        return $"*** **{last}";
    }

    public static string? MaskEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var trimmed = email.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1)
        {
            return "***";
        }

        return $"{trimmed[0]}***{trimmed[at..]}";
    }
}
