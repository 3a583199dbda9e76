using Shipping.Contracts;
using static Shipping.Contracts.TrackingStatus;
using static Shipping.Contracts.TrackingSubstatus;

namespace Shipping.Carriers.Dhl.Tests;

/// <summary>The canonical scans DHL's example payloads yield, as the adapter must publish them.</summary>
internal static class ExpectedScans
{
    /// <summary>JJD000390005893028175.json: parcel-de, free-text statuses, times without offset (German summer time).</summary>
    public static readonly IReadOnlyList<Seen> ParcelDe =
    [
        new Seen(Delivered, Unspecified, "delivered", "The shipment has been successfully delivered", "2019-08-10T08:54:00+02:00", new EventLocation(null, null, "DE")),
        new Seen(OutForDelivery, Unspecified, "transit", "The shipment has been loaded onto the delivery vehicle", "2019-08-10T07:17:00+02:00"),
        new Seen(InTransit, Processing, "transit", "The shipment has been processed in the destination parcel center", "2019-08-10T01:29:00+02:00", new EventLocation("Radefeld", null, "DE")),
        new Seen(InTransit, Processing, "transit", "The shipment has been processed in the parcel center of origin", "2019-08-09T13:48:00+02:00", new EventLocation("Börnicke", null, "DE")),
        new Seen(InfoReceived, Unspecified, "pre-transit", "The instruction data for this shipment have been provided by the sender to DHL electronically", "2019-08-09T04:00:00+02:00"),
    ];

    /// <summary>3SHM00001165430.json: parcel-nl, carrier codes, times with +02:00, no locations.</summary>
    public static readonly IReadOnlyList<Seen> ParcelNl =
    [
        new Seen(AvailableForPickup, AtParcelShop, "NOT_HOME_SYSTEM_INTERVENTION_DELIVERY_AT_PARCELSHOP", "NOT_HOME_SYSTEM_INTERVENTION_DELIVERY_AT_PARCELSHOP", "2019-09-03T11:33:05+02:00"),
        new Seen(AttemptFail, NobodyHome, "NOT_HOME", "NOT_HOME", "2019-09-03T11:33:04+02:00"),
        new Seen(OutForDelivery, Unspecified, "PARCEL_HANDED_OVER_TO_COURIER", "PARCEL_HANDED_OVER_TO_COURIER", "2019-09-03T10:06:19+02:00"),
        new Seen(OutForDelivery, Unspecified, "OUT_FOR_DELIVERY", "OUT_FOR_DELIVERY", "2019-09-03T10:06:19+02:00"),
        new Seen(InTransit, Processing, "PARCEL_SCANNED_INTO_HAND-TERMINAL", "PARCEL_SCANNED_INTO_HAND-TERMINAL", "2019-09-03T09:58:20+02:00"),
        new Seen(InTransit, Arrived, "PARCEL_ARRIVED_AT_LOCAL_DEPOT", "PARCEL_ARRIVED_AT_LOCAL_DEPOT", "2019-09-03T07:35:35+02:00"),
        new Seen(InTransit, Processing, "DELIVERY_PLANNED_IN_ROUTE", "DELIVERY_PLANNED_IN_ROUTE", "2019-09-03T03:25:18+02:00"),
        new Seen(InTransit, Unspecified, "INFORMATION_ON_DELIVERY_TRANSMITTED", "INFORMATION_ON_DELIVERY_TRANSMITTED", "2019-09-02T22:43:59+02:00"),
        new Seen(InTransit, Processing, "PARCEL_SORTED_AT_HUB", "PARCEL_SORTED_AT_HUB", "2019-09-02T22:39:56+02:00"),
        new Seen(InfoReceived, Unspecified, "PRENOTIFICATION_RECEIVED", "PRENOTIFICATION_RECEIVED", "2019-09-02T20:57:16+02:00"),
    ];
}
