using System.Globalization;
using System.Text.RegularExpressions;
using Shipping.Carriers.Time;
using Shipping.Carriers.Usps.Tracking;
using Shipping.Contracts;

namespace Shipping.Carriers.Usps.Normalising;

/// <summary>
/// USPS's delivery expectation as a <see cref="DeliveryEstimate"/>. The predicted date (USPS's model, updated as the
/// parcel moves) wins over the expected date (the service standard), which wins over a guaranteed date. Window times
/// ("12:15pm", "18:00:00", "by 5:00 pm") are local at the destination, so they get its zone's offset; without a known
/// destination zone the estimate keeps its date and drops the window. Placeholder text USPS puts in unused fields
/// (its examples say "string") is ignored.
/// </summary>
public static partial class UspsDeliveryEstimate
{
    public static DeliveryEstimate? From(UspsTrackingDetail detail)
    {
        if (detail.DeliveryDateExpectation is not { } expectation)
        {
            return null;
        }

        var zone = TimeZones.ForLocation(Destination(detail));
        if (ParseDate(expectation.PredictedDeliveryDate) is { } predicted)
        {
            return new DeliveryEstimate(
                predicted,
                At(predicted, ParseTime(expectation.PredictedDeliveryWindowStartTime), zone),
                At(predicted, ParseTime(expectation.PredictedDeliveryWindowEndTime), zone));
        }

        if (ParseDate(expectation.ExpectedDeliveryDate) is { } expected)
        {
            return new DeliveryEstimate(expected, null, At(expected, ParseTime(expectation.EndOfDay), zone));
        }

        // Guaranteed: a date, a date and time ("by then"), or text such as "3 Business Days" (no date to give).
        if (ParseDate(expectation.GuaranteedDeliveryDate) is { } guaranteed)
        {
            var time = expectation.GuaranteedDeliveryDate!.Trim() is { Length: > 10 } withTime ? ParseTime(withTime[11..]) : null;
            return new DeliveryEstimate(guaranteed, null, At(guaranteed, time, zone));
        }

        return null;
    }

    /// <summary>Where the parcel goes: a destination state without a country is in the US (USPS's own states list).</summary>
    public static EventLocation? Destination(UspsTrackingDetail detail) =>
        UspsLocation.Of(detail.DestinationCity, detail.DestinationZipCode, detail.DestinationState, detail.DestinationCountry);

    private static DateTimeOffset? At(DateOnly date, TimeOnly? time, TimeZoneInfo? zone) =>
        time is { } t && zone is not null ? CarrierTime.InZone(date.ToDateTime(t), zone) : null;

    private static DateOnly? ParseDate(string? text) =>
        text?.Trim() is { Length: >= 10 } value
        && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>"12:15pm", "3:15 PM", "by 5:00 pm", "18:00:00", "18:00".</summary>
    internal static TimeOnly? ParseTime(string? text)
    {
        if (text is null || TimeOfDay().Match(text) is not { Success: true } m)
        {
            return null;
        }

        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (m.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }

            var pm = char.ToLowerInvariant(m.Groups["ampm"].Value[0]) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }

        return hour < 24 && minute < 60 && second < 60 ? new TimeOnly(hour, minute, second) : null;
    }

    [GeneratedRegex(@"(?<![\d:])(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2}))?\s*(?<ampm>[ap]\.?\s?m\.?)?(?![\d:])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfDay();
}
