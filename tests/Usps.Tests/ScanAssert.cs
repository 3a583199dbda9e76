using System.Globalization;
using Shipping.Contracts;

namespace Shipping.Carriers.Usps.Tests;

/// <summary>Field-by-field checks of canonical scans, offsets included (DateTimeOffset equality ignores the offset).</summary>
public static class ScanAssert
{
    public static void Scan(
        CarrierScan actual, string trackingNumber, TrackingStatus status, TrackingSubstatus substatus, string rawCode,
        string rawDescription, string occurredAt, EventLocation? location, DeliveryEstimate? estimate = null)
    {
        var at = Time(occurredAt);
        Assert.Equal(trackingNumber, actual.TrackingNumber);
        Assert.Equal("usps", actual.Carrier);
        Assert.Equal((status, substatus), (actual.Status, actual.Substatus));
        Assert.Equal(rawCode, actual.RawCode);
        Assert.Equal(rawDescription, actual.RawDescription);
        At(at, actual.OccurredAt);
        Assert.Equal(location, actual.Location);
        Estimate(estimate, actual.CarrierEstimate);
        Assert.Equal(StableIds.ForCarrierScan("usps", trackingNumber, at, rawCode), actual.EventId);
    }

    public static void Observed(TrackingEventObserved actual, CarrierScan expected, string tenantId)
    {
        Assert.Equal(expected.EventId, actual.EventId);
        Assert.Equal(tenantId, actual.TenantId);
        Assert.Equal(
            (expected.Carrier, expected.TrackingNumber, expected.Status, expected.Substatus, expected.RawCode, expected.RawDescription, expected.Location),
            (actual.Carrier, actual.TrackingNumber, actual.Status, actual.Substatus, actual.RawCode, actual.RawDescription, actual.Location));
        At(expected.OccurredAt, actual.OccurredAt);
        Estimate(expected.CarrierEstimate, actual.CarrierEstimate);
    }

    public static void Estimate(DeliveryEstimate? expected, DeliveryEstimate? actual)
    {
        Assert.Equal(expected?.Date, actual?.Date);
        At(expected?.WindowStart, actual?.WindowStart);
        At(expected?.WindowEnd, actual?.WindowEnd);
    }

    public static void At(DateTimeOffset? expected, DateTimeOffset? actual)
    {
        Assert.Equal(expected, actual);
        Assert.Equal(expected?.Offset, actual?.Offset);
    }

    /// <summary>An ISO 8601 time with its offset.</summary>
    public static DateTimeOffset Time(string iso) => DateTimeOffset.ParseExact(iso, "yyyy-MM-dd'T'HH:mm:ss.FFFzzz", CultureInfo.InvariantCulture);
}
