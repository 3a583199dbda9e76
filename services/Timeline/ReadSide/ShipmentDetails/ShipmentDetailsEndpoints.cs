using System.Globalization;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Timeline.Shipments;
using Shipping.Timeline.Shipments.OfferingDeliveryOptions;
using Shipping.Timeline.Tenancy;

namespace Shipping.Timeline.ReadSide.ShipmentDetails;

public static partial class ShipmentDetailsEndpoints
{
    public static RouteGroupBuilder MapShipmentDetails(this RouteGroupBuilder shipments)
    {
        shipments.MapGet("/{shipmentId}", GetAsync)
            .WithName("GetShipment")
            .WithSummary("A shipment with its carrier events, its delays and the delivery changes the customer may still ask for, with the dates (offeredDates) and parcel shops (parcelShops, the carrier's and the retailer's) on offer.");
        shipments.MapGet("/{shipmentId}/as-of", GetAsOfAsync)
            .WithName("GetShipmentAsOf")
            .WithSummary("The shipment as Timeline knew it at a moment: rebuilt from the events recorded up to `at` (a time with its offset).");
        return shipments;
    }

    private static async Task<Results<Ok<Contracts.Api.ShipmentDetails>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string shipmentId, HttpContext http, IDocumentStore store, TimeProvider time, CancellationToken ct)
    {
        if (!Guid.TryParse(shipmentId, out var id))
        {
            return InvalidId();
        }

        await using var session = store.QuerySession(http.User.TenantId());
        var view = await session.LoadAsync<ShipmentView>(id, ct);
        return view is null
            ? NotFound(shipmentId)
            : TypedResults.Ok(ToContract(view, asOf: null, time.GetUtcNow(), await RetailerShopsAsync(session, ct)));
    }

    private static async Task<Results<Ok<Contracts.Api.ShipmentDetails>, ValidationProblem, ProblemHttpResult>> GetAsOfAsync(
        string shipmentId, string? at, HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(shipmentId, out var id))
        {
            errors["shipmentId"] = ["Not a shipment id."];
        }

        if (!TryParseWithOffset(at, out var moment))
        {
            errors["at"] = ["Required: a time with its offset, e.g. 2026-11-23T10:00:00+01:00 (escape + as %2B)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request has invalid fields");
        }

        await using var session = store.QuerySession(http.User.TenantId());
        var events = await session.Events.FetchStreamAsync(id, timestamp: moment.ToUniversalTime(), token: ct);
        if (events.Count == 0 || events[0].Data is not ShipmentOpened opened)
        {
            return await session.LoadAsync<ShipmentView>(id, ct) is null
                ? NotFound(shipmentId)
                : TypedResults.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "The shipment did not exist yet",
                    detail: $"Shipment {shipmentId} was registered after {moment:O}.");
        }

        var projection = new ShipmentViewProjection();
        var view = ShipmentViewProjection.Create(opened);
        foreach (var e in events.Skip(1))
        {
            projection.ApplyAny(e.Data, view);
        }

        return TypedResults.Ok(ToContract(view, moment, moment, await RetailerShopsAsync(session, ct)));
    }

    /// <summary>What may be asked of the carrier now: one rule with the decision itself (<see cref="DeliveryChangeRules"/>).</summary>
    public static DeliveryOptions DeliveryOptionsFor(TrackingStatus status, bool cancelled = false) =>
        DeliveryChangeRules.RefusalFor(status, cancelled) is { } reason
            ? new DeliveryOptions([], reason, [], [])
            : new DeliveryOptions(Enum.GetValues<DeliveryChangeKind>(), null);

    /// <summary>
    /// What may be asked of the carrier at <paramref name="now"/>, with the dates and parcel shops on offer — the same
    /// rules the decision applies (<see cref="DeliveryOffers"/>).
    /// </summary>
    public static DeliveryOptions DeliveryOptionsFor(ShipmentView view, DateTimeOffset now, IReadOnlyList<ParcelShop>? retailerShops)
    {
        var options = DeliveryOptionsFor(view.Status, view.CancelledAt is not null);
        return options.NotAllowedReason is not null
            ? options
            : options with
            {
                OfferedDates = DeliveryOffers.DatesFor(view.CarrierOffer?.Dates, view.ExpectedDelivery?.Estimate.Date ?? view.CarrierEstimate?.Date,
                    DeliveryOffers.Today(now, view.CustomerTimeZone)),
                ParcelShops = DeliveryOffers.ShopsFor(view.CarrierOffer?.Shops, retailerShops),
            };
    }

    private static async Task<IReadOnlyList<ParcelShop>?> RetailerShopsAsync(IQuerySession session, CancellationToken ct) =>
        (await session.LoadAsync<Tenancy.Brands.BrandView>(Tenancy.Brands.BrandView.StreamId, ct))?.Brand.ParcelShops;

    private static Contracts.Api.ShipmentDetails ToContract(ShipmentView view, DateTimeOffset? asOf, DateTimeOffset now, IReadOnlyList<ParcelShop>? retailerShops) => new(
        view.Id,
        view.OrderNumber,
        view.Carrier,
        view.TrackingNumber,
        view.PromisedDeliveryDate,
        view.Status,
        view.Substatus,
        view.CarrierEstimate,
        view.LastEventAt,
        view.Events.Select(ToContract).ToList(),
        view.Delays.Select(d => new DelayNotice(d.Reason, d.PreviousEstimate, d.NewEstimate, d.DetectedAt)).ToList(),
        DeliveryOptionsFor(view, now, retailerShops),
        asOf,
        view.ExpectedDelivery is { } expected ? new ExpectedDelivery(expected.Estimate, expected.Source, expected.Confidence, expected.RevisedAt) : null,
        view.DeliveryChanges.Select(c => new DeliveryChangeStatus(c.RequestId, c.Kind, c.Channel, c.State.ToString(), c.Reason, c.SelfServiceUrl, c.RequestedAt, c.AnsweredAt)).ToList(),
        view.Alerts.Select(a => new AlertNotice(a.AlertId, a.Channel, a.Trigger, a.Language, a.SentAt, a.Status, a.ErrorCode)).ToList(),
        view.PromisedFrom);

    internal static TimelineEvent ToContract(TimelineEntry e) =>
        new(e.EventId, e.Status, e.Substatus, e.RawCode, e.Description, e.OccurredAt, e.Location, e.CarrierEstimate);

    internal static bool TryParseWithOffset(string? value, out DateTimeOffset moment)
    {
        moment = default;
        return value is not null
            && ExplicitOffset().IsMatch(value.Trim())
            && DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out moment);
    }

    private static ValidationProblem InvalidId() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["shipmentId"] = ["Not a shipment id."] }, title: "The request has invalid fields");

    private static ProblemHttpResult NotFound(string shipmentId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Shipment not found", detail: $"There is no shipment {shipmentId}.");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitOffset();
}
