using Shipping.Carriers.Fedex.Tracking;
using Shipping.Carriers.Normalising;
using Shipping.Contracts;

namespace Shipping.Carriers.Fedex.Normalising;

/// <summary>
/// Sharpens a scan's status with what else the scan says: its exception text and delay for a delivery or shipment
/// exception, where it is held for a pickup, whether a delivery was signed for.
/// </summary>
public static class FedexRefinement
{
    // Read from exceptionDescription rather than exceptionCode: the codes are numbered per FedEx operating company
    // (Ground's "007" is "customer not available", Express's "07" a refusal), and the spec documents no code table.
    // First match wins; the order puts the specific before the general ("Unable to locate address" is an address issue).
    private static readonly (string[] Words, TrackingStatus? Status, TrackingSubstatus Substatus)[] ExceptionTexts =
    [
        (["refused"], TrackingStatus.Exception, TrackingSubstatus.Refused),
        (["damage"], TrackingStatus.Exception, TrackingSubstatus.Damaged),
        (["address"], null, TrackingSubstatus.AddressIssue),
        (["weather"], TrackingStatus.Exception, TrackingSubstatus.Weather),
        (["customs", "clearance", "regulatory"], TrackingStatus.Exception, TrackingSubstatus.CustomsHold),
        (["not available", "not home", "not in ", "nobody", "no one"], TrackingStatus.AttemptFail, TrackingSubstatus.NobodyHome),
        (["business closed", "closed"], TrackingStatus.AttemptFail, TrackingSubstatus.BusinessClosed),
        (["safe place", "secure location"], TrackingStatus.AttemptFail, TrackingSubstatus.NoSafePlace),
        (["lost", "unable to locate"], TrackingStatus.Exception, TrackingSubstatus.Lost),
        (["not attempted", "delay"], TrackingStatus.Exception, TrackingSubstatus.Delayed),
    ];

    /// <summary>Location types where a held parcel waits in a shop rather than at a FedEx station.</summary>
    private static readonly HashSet<string> ShopLocationTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "FEDEX_OFFICE_LOCATION", "SHIP_AND_GET_LOCATION", "NON_FEDEX_FACILITY",
    };

    public static CanonicalStatus Refine(CanonicalStatus status, FedexScanEvent scan, bool signedFor) => status.Status switch
    {
        TrackingStatus.AttemptFail or TrackingStatus.Exception => ByDelay(ByExceptionText(status, scan.ExceptionDescription), scan.DelayDetail),
        TrackingStatus.AvailableForPickup when scan.LocationType is { } type && ShopLocationTypes.Contains(type) =>
            status with { Substatus = TrackingSubstatus.AtParcelShop },
        TrackingStatus.Delivered when signedFor => status with { Substatus = TrackingSubstatus.SignedBy },
        _ => status,
    };

    private static CanonicalStatus ByExceptionText(CanonicalStatus status, string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return status;
        }

        // Padded, so a word at either end still matches a phrase written with its spaces ("recipient not in").
        var text = $" {description.ToLowerInvariant()} ";
        foreach (var (words, refined, substatus) in ExceptionTexts)
        {
            if (words.Any(text.Contains))
            {
                return new CanonicalStatus(refined ?? status.Status, substatus);
            }
        }

        return status;
    }

    /// <summary>A delay detail names the cause of an exception the text left open (or only called a delay).</summary>
    private static CanonicalStatus ByDelay(CanonicalStatus status, FedexDelayDetail? delay)
    {
        if (status.Status != TrackingStatus.Exception
            || status.Substatus is not (TrackingSubstatus.Unspecified or TrackingSubstatus.Delayed)
            || !string.Equals(delay?.Status, "DELAYED", StringComparison.OrdinalIgnoreCase))
        {
            return status;
        }

        return delay!.Type?.ToUpperInvariant() switch
        {
            "WEATHER" => status with { Substatus = TrackingSubstatus.Weather },
            "CLEARANCE" => status with { Substatus = TrackingSubstatus.CustomsHold },
            _ => status with { Substatus = TrackingSubstatus.Delayed },
        };
    }
}
