using System.Globalization;
using Shipping.Carriers.Fedex.Tracking;
using Shipping.Carriers.Time;
using Shipping.Contracts;

namespace Shipping.Carriers.Fedex.Normalising;

/// <summary>FedEx's delivery estimate for a shipment: a day, and the window around it when FedEx gives one.</summary>
public static class FedexEstimates
{
    /// <summary>The <c>dateAndTimes</c> types that say when delivery is expected, the most specific first.</summary>
    public static readonly IReadOnlyList<string> EstimateTypes = ["ESTIMATED_DELIVERY", "APPOINTMENT_DELIVERY", "COMMITMENT"];

    /// <summary>
    /// The estimate: the day from <c>dateAndTimes</c> (<see cref="EstimateTypes"/>), else from the window's end; the window
    /// from <c>estimatedDeliveryTimeWindow</c>, else <c>standardTransitTimeWindow</c>, kept only when it contains the day.
    /// Times without an offset are read in the destination's zone; a window end whose zone cannot be told is left out.
    /// </summary>
    public static DeliveryEstimate? From(FedexTrackResult result)
    {
        var destination = Destination(result);
        var window = FirstWindow(result.EstimatedDeliveryTimeWindow, result.StandardTransitTimeWindow);
        var start = Instant(window?.Begins, destination);
        var end = Instant(window?.Ends, destination);

        var day = EstimateTypes
            .Select(type => result.DateAndTimes?.FirstOrDefault(d => string.Equals(d?.Type, type, StringComparison.OrdinalIgnoreCase)))
            .Select(d => LocalDate(d?.DateTime))
            .FirstOrDefault(d => d is not null)
            ?? LocalDate(window?.Ends) ?? LocalDate(window?.Begins);
        if (day is not { } date)
        {
            return null;
        }

        var inWindow = (LocalDate(window?.Begins) is not { } from || from <= date) && (LocalDate(window?.Ends) is not { } to || date <= to);
        return inWindow ? new DeliveryEstimate(date, start, end) : new DeliveryEstimate(date);
    }

    /// <summary>Where the parcel is going: the last updated delivery address, else the recipient's, else the destination's.</summary>
    public static EventLocation? Destination(FedexTrackResult result) =>
        FedexLocations.From(result.LastUpdatedDestinationAddress)
        ?? FedexLocations.From(result.RecipientInformation?.Address)
        ?? FedexLocations.From(result.DestinationLocation?.LocationContactAndAddress?.Address);

    private static FedexTimeRange? FirstWindow(params FedexTimeWindow?[] windows) =>
        windows.Select(w => w?.Window).FirstOrDefault(w => !string.IsNullOrWhiteSpace(w?.Begins) || !string.IsNullOrWhiteSpace(w?.Ends));

    private static DateTimeOffset? Instant(string? text, EventLocation? destination)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return CarrierTime.Parse(text, destination);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The calendar day as FedEx wrote it, with or without a time or an offset (no zone needed for that).</summary>
    private static DateOnly? LocalDate(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var written)
            ? DateOnly.FromDateTime(written.DateTime)
            : null;
}
