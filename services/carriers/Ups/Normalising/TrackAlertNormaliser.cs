using Shipping.Carriers.Normalising;
using Shipping.Carriers.Ups.Webhooks;
using Shipping.Contracts;

namespace Shipping.Carriers.Ups.Normalising;

/// <summary>Turns one Track Alert webhook event into its canonical scan, or says which fields are wrong.</summary>
public sealed class TrackAlertNormaliser(UpsStatusMapping mapping)
{
    private static readonly TimestampFields Fields = new("localActivityDate", "localActivityTime", "gmtActivityDate", "gmtActivityTime", "gmtOffset");

    public NormalisedScans Normalise(TrackAlertEvent alert)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(alert.TrackingNumber))
        {
            errors["trackingNumber"] = ["A tracking number is required."];
        }

        var status = alert.ActivityStatus;
        if (status is null)
        {
            errors["activityStatus"] = ["The activity status is required."];
        }
        else if (string.IsNullOrWhiteSpace(status.Type) && string.IsNullOrWhiteSpace(status.Code))
        {
            errors["activityStatus.code"] = ["A status type or code is required."];
        }

        var place = alert.ActivityLocation;
        var location = UpsPlaces.Location(place?.City, place?.StateProvince, place?.PostalCode, place?.Country);
        var occurredAt = UpsTime.Resolve(
            new UpsTimestamp(alert.LocalActivityDate, alert.LocalActivityTime, alert.GmtActivityDate, alert.GmtActivityTime, alert.GmtOffset),
            location, Fields, errors);
        if (errors.Count > 0 || occurredAt is not { } at || status is null)
        {
            return NormalisedScans.Invalid(errors);
        }

        var canonical = mapping.Map(status.Type, status.Code, status.DescriptionCode);
        DeliveryEstimate? estimate = null;
        if (canonical.Status != TrackingStatus.Delivered)
        {
            // Track Alert names no destination: the window's clock times are read where the event happened.
            estimate = UpsEstimates.FromTrackAlert(
                alert.ScheduledDeliveryDate, alert.DeliveryStartTime, alert.DeliveryEndTime, UpsPlaces.LocalClock(location, at.Offset), errors);
            if (errors.Count > 0)
            {
                return NormalisedScans.Invalid(errors);
            }
        }

        var rawCode = (string.IsNullOrWhiteSpace(status.Code) ? status.Type : status.Code)!.Trim();
        var description = string.IsNullOrWhiteSpace(status.Description) ? rawCode : status.Description.Trim();
        return NormalisedScans.Valid([
            CarrierScan.Create(UpsOptions.Carrier, alert.TrackingNumber!, canonical.Status, canonical.Substatus, rawCode, description, at, location, estimate),
        ]);
    }
}
