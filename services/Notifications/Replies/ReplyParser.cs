using System.Globalization;
using System.Text.RegularExpressions;
using Shipping.Contracts;
using Shipping.Notifications.Alerts;

namespace Shipping.Notifications.Replies;

/// <summary>What a customer's reply asks for.</summary>
public abstract record ReplyIntent
{
    public sealed record Choose(DeliveryChangeKind Kind, DateOnly? Date) : ReplyIntent;

    public sealed record Neighbour(string Name, string HouseNumber) : ReplyIntent;

    public sealed record Unclear : ReplyIntent;
}

/// <summary>
/// Reads replies to an alert's choices, in English and German: the option numbers, "tomorrow"/"morgen", weekdays
/// ("Friday", "Freitag", "Fri", "Fr"), dates ("28.11.", "28/11", "28 Nov", "Nov 28"), "neighbour"/"neighbor"/"Nachbar".
/// A date must be one the alert offered (what the carrier still allows), otherwise the reply is unclear.
/// </summary>
public static partial class ReplyParser
{
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday, ["montag"] = DayOfWeek.Monday, ["mo"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday, ["dienstag"] = DayOfWeek.Tuesday, ["di"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday, ["mittwoch"] = DayOfWeek.Wednesday, ["mi"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday, ["donnerstag"] = DayOfWeek.Thursday, ["do"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday, ["freitag"] = DayOfWeek.Friday, ["fr"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday, ["samstag"] = DayOfWeek.Saturday, ["sonnabend"] = DayOfWeek.Saturday, ["sa"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday, ["sonntag"] = DayOfWeek.Sunday, ["so"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["january"] = 1, ["januar"] = 1, ["feb"] = 2, ["february"] = 2, ["februar"] = 2, ["mar"] = 3, ["march"] = 3, ["mär"] = 3, ["märz"] = 3, ["maerz"] = 3,
        ["apr"] = 4, ["april"] = 4, ["may"] = 5, ["mai"] = 5, ["jun"] = 6, ["june"] = 6, ["juni"] = 6, ["jul"] = 7, ["july"] = 7, ["juli"] = 7,
        ["aug"] = 8, ["august"] = 8, ["sep"] = 9, ["sept"] = 9, ["september"] = 9, ["oct"] = 10, ["october"] = 10, ["okt"] = 10, ["oktober"] = 10,
        ["nov"] = 11, ["november"] = 11, ["dec"] = 12, ["december"] = 12, ["dez"] = 12, ["dezember"] = 12,
    };

    private static readonly string[] NeighbourWords = ["neighbour", "neighbor", "neighbours", "neighbors", "nachbar", "nachbarn", "nachbarin"];
    private static readonly string[] TomorrowWords = ["tomorrow", "morgen"];
    private static readonly string[] DayAfterTomorrowWords = ["übermorgen", "uebermorgen"];

    /// <param name="today">Today in the customer's zone.</param>
    public static ReplyIntent Parse(string text, IReadOnlyList<OfferedOption> options, DateOnly today)
    {
        var reply = Normalise(text);
        if (reply.Length == 0)
        {
            return new ReplyIntent.Unclear();
        }

        // A bare number (possibly with words around it, "2 please", "Option 2"): the numbered choice.
        var numbers = Number().Matches(reply).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        var dates = DatesIn(reply, today);
        if (numbers.Count == 1 && dates.Count == 0 && options.FirstOrDefault(o => o.Number == numbers[0]) is { } chosen)
        {
            return new ReplyIntent.Choose(chosen.Kind, chosen.Date);
        }

        var words = Words().Matches(reply).Select(m => m.Value).ToList();
        if (words.Any(w => NeighbourWords.Contains(w, StringComparer.OrdinalIgnoreCase)) && options.Any(o => o.Kind == DeliveryChangeKind.Neighbour))
        {
            return new ReplyIntent.Choose(DeliveryChangeKind.Neighbour, null);
        }

        foreach (var word in words)
        {
            if (DayAfterTomorrowWords.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                dates.Add(today.AddDays(2));
            }
            else if (TomorrowWords.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                dates.Add(today.AddDays(1));
            }
            else if (Weekdays.TryGetValue(word, out var weekday) && (word.Length > 2 || words.Count <= 2))
            {
                var day = today.AddDays(1);
                while (day.DayOfWeek != weekday)
                {
                    day = day.AddDays(1);
                }

                dates.Add(day);
            }
        }

        var offered = dates.Distinct()
            .Select(d => options.FirstOrDefault(o => o.Kind == DeliveryChangeKind.NewDate && o.Date == d))
            .Where(o => o is not null)
            .ToList();
        return offered.Count == 1 ? new ReplyIntent.Choose(DeliveryChangeKind.NewDate, offered[0]!.Date) : new ReplyIntent.Unclear();
    }

    /// <summary>A neighbour's name and house number ("Schmidt 12", "Frau Schmidt, Nr. 12a", "12 Schmidt").</summary>
    public static ReplyIntent ParseNeighbour(string text)
    {
        var reply = Normalise(text);
        var match = NameThenNumber().Match(reply);
        if (!match.Success)
        {
            match = NumberThenName().Match(reply);
        }

        if (!match.Success)
        {
            return new ReplyIntent.Unclear();
        }

        var name = match.Groups["name"].Value.Trim(' ', ',', '.', '-');
        var number = match.Groups["number"].Value.Replace(" ", "", StringComparison.Ordinal);
        return name.Length >= 2 && name.Any(char.IsLetter) ? new ReplyIntent.Neighbour(name, number) : new ReplyIntent.Unclear();
    }

    private static List<DateOnly> DatesIn(string reply, DateOnly today)
    {
        var dates = new List<DateOnly>();
        foreach (Match m in NumericDate().Matches(reply))
        {
            if (Date(today, int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture)) is { } date)
            {
                dates.Add(date);
            }
        }

        foreach (Match m in DayMonthName().Matches(reply))
        {
            if (Months.TryGetValue(m.Groups["month"].Value, out var month)
                && Date(today, int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture), month) is { } date)
            {
                dates.Add(date);
            }
        }

        foreach (Match m in MonthNameDay().Matches(reply))
        {
            if (Months.TryGetValue(m.Groups["month"].Value, out var month)
                && Date(today, int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture), month) is { } date)
            {
                dates.Add(date);
            }
        }

        return dates;
    }

    /// <summary>The next such day from today on (a date in January said in December is next year's).</summary>
    private static DateOnly? Date(DateOnly today, int day, int month)
    {
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(today.Year, month) && day > DateTime.DaysInMonth(today.Year + 1, month))
        {
            return null;
        }

        for (var year = today.Year; year <= today.Year + 1; year++)
        {
            if (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) is var date && date >= today)
            {
                return date;
            }
        }

        return null;
    }

    private static string Normalise(string text) => WhiteSpace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"(?<![\d./])\d{1,2}(?![\d./])")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<![\d])(?<day>\d{1,2})[./](?<month>\d{1,2})(?:[./](?:\d{2}|\d{4}))?\.?(?![\d])")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<![\d])(?<day>\d{1,2})\.?\s*(?<month>[A-Za-zäÄ]{3,9})\b")]
    private static partial Regex DayMonthName();

    [GeneratedRegex(@"\b(?<month>[A-Za-zäÄ]{3,9})\.?\s+(?<day>\d{1,2})(?![\d./])")]
    private static partial Regex MonthNameDay();

    [GeneratedRegex(@"[\p{L}]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^(?<name>[\p{L}][\p{L}\s'.,-]*?)[,\s]+(?:(?:nr|no|hausnummer|haus|house|number)\.?\s*)?(?<number>\d{1,4}\s?[a-zA-Z]?)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex NameThenNumber();

    [GeneratedRegex(@"^(?:(?:nr|no|hausnummer|haus|house|number)\.?\s*)?(?<number>\d{1,4}\s?[a-zA-Z]?)[,\s]+(?<name>[\p{L}][\p{L}\s'.-]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberThenName();
}
