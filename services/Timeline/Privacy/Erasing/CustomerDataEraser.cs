using Marten;
using Shipping.Timeline.Orders;
using Shipping.Contracts.Api;
using Shipping.Timeline.ReadSide.OrderSummaries;
using Shipping.Timeline.Timelines.Rows;

namespace Shipping.Timeline.Privacy.Erasing;

/// <summary>
/// Erases the personal data of one order's customer:
/// <list type="number">
/// <item>Marten rewrites the stored events of the order's and its shipments' streams with the
/// <see cref="PersonalDataMasking"/> rules (<c>ApplyEventDataMasking</c>);</item>
/// <item>the erasure is recorded on the order's stream and on each shipment's stream, in one transaction: the inline
/// read models clean themselves (<see cref="OrderDetails"/> applies the same masking), the timeline shows the erasure,
/// no delivery change and no re-registration can store the data again, and the publishing subscription tells the
/// other services (<c>CustomerDataErased</c>);</item>
/// <item>the events are masked once more (a delivery change stored between 1 and 2), and the asynchronous order
/// summary is cleaned at once (its projection also cleans it when the erasure event reaches it, so the data cannot
/// come back from a batch that was in flight).</item>
/// </list>
/// Masking before recording means an interrupted erasure leaves the order findable by the customer's email or phone
/// until it is finished. Erasing again records nothing new and runs the masking and cleaning again.
/// </summary>
public sealed class CustomerDataEraser(IDocumentStore store, TimeProvider time, ILogger<CustomerDataEraser> logger)
{
    /// <summary>The header Marten adds to every masked event: which erasure rewrote it.</summary>
    public const string ErasureHeader = "erasure-id";

    private const int Attempts = 3;

    /// <returns>What was erased, or null when the tenant has no such order.</returns>
    public async Task<OrderErasure?> EraseAsync(string tenant, string orderNumber, CancellationToken ct)
    {
        var orderId = OrderDetails.IdFor(orderNumber.Trim());
        OrderDetails? before;
        await using (var reader = store.QuerySession(tenant))
        {
            before = await reader.LoadAsync<OrderDetails>(orderId, ct);
        }

        if (before is null)
        {
            return null;
        }

        var erasureId = before.ErasureId ?? Guid.NewGuid();
        await MaskAsync(tenant, orderId, before.Shipments.Select(s => s.ShipmentId), erasureId, ct);

        OrderErasure? erasure = null;
        for (var attempt = 1; erasure is null; attempt++)
        {
            try
            {
                erasure = await RecordAsync(tenant, orderId, erasureId, ct);
            }
            catch (JasperFx.ConcurrencyException) when (attempt < Attempts)
            {
                // The order or a shipment changed meanwhile: record on the fresh streams.
            }
        }

        await MaskAsync(tenant, orderId, erasure.ShipmentIds, erasure.ErasureId, ct);
        await using (var session = store.LightweightSession(tenant))
        {
            if (await session.LoadAsync<OrderSummaryView>(orderId, ct) is { } summary)
            {
                summary.ErasePersonalData();
                session.Store(summary);
                await session.SaveChangesAsync(ct);
            }
        }

        // The order number is the retailer's reference, not personal data.
        logger.LogInformation("Personal data of order {OrderNumber} of tenant {Tenant} erased (erasure {ErasureId}, {Shipments} shipments, again: {AlreadyErased})",
            erasure.OrderNumber, tenant, erasure.ErasureId, erasure.ShipmentIds.Count, erasure.AlreadyErased);
        return erasure;
    }

    private Task MaskAsync(string tenant, Guid orderId, IEnumerable<Guid> shipmentIds, Guid erasureId, CancellationToken ct) =>
        store.Advanced.ApplyEventDataMasking(masking =>
        {
            masking.ForTenant(tenant);
            masking.IncludeStream(orderId);
            foreach (var shipmentId in shipmentIds)
            {
                masking.IncludeStream(shipmentId);
            }

            masking.AddHeader(ErasureHeader, erasureId.ToString());
        }, ct);

    private async Task<OrderErasure> RecordAsync(string tenant, Guid orderId, Guid erasureId, CancellationToken ct)
    {
        await using var session = store.LightweightSession(tenant);
        var order = await session.Events.FetchForWriting<OrderDetails>(orderId, ct);
        var details = order.Aggregate ?? throw new InvalidOperationException("An order's stream is never removed.");
        var shipmentIds = details.Shipments.Select(s => s.ShipmentId).ToList();
        if (details is { ErasureId: { } erased, ErasedAt: { } erasedAt })
        {
            return new OrderErasure(details.OrderNumber, erased, erasedAt, shipmentIds, AlreadyErased: true);
        }

        var erasure = new OrderErasure(details.OrderNumber, erasureId, time.GetUtcNow(), shipmentIds, AlreadyErased: false);
        order.AppendOne(new CustomerDataErasedRecorded(erasure.ErasureId, erasure.OrderNumber, erasure.ErasedAt));
        foreach (var shipmentId in shipmentIds)
        {
            session.Events.Append(shipmentId, new ShipmentPersonalDataErased(erasure.ErasureId, erasure.ErasedAt));
        }

        // Agents' notes and the customer's rating comment are free text: their history rows lose it too.
        var rows = await session.Query<TimelineRow>().Where(r => r.OrderId == orderId).ToListAsync(ct);
        foreach (var row in rows.Where(r => r.Kind is TimelineRowKind.AgentNote or TimelineRowKind.CustomerRating))
        {
            row.Summary = row.Kind == TimelineRowKind.AgentNote
                ? TimelineRowProjection.NoteSummary(PersonalDataMasking.ErasedText)
                : "The customer rated the delivery (comment erased with the customer's data).";
            session.Store(row);
        }

        await session.SaveChangesAsync(ct);
        return erasure;
    }
}

/// <param name="AlreadyErased">The order had been erased before: nothing new was recorded.</param>
public sealed record OrderErasure(string OrderNumber, Guid ErasureId, DateTimeOffset ErasedAt, IReadOnlyList<Guid> ShipmentIds, bool AlreadyErased);
