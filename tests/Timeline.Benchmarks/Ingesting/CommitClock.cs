using System.Collections.Concurrent;
using System.Diagnostics;
using Marten;
using Marten.Services;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.Benchmarks.Ingesting;

/// <summary>
/// A Marten session listener added to the hosted Timeline's store: it notes the moment each carrier scan's
/// transaction committed. Inline projections commit in that same transaction, so that moment is when the scan became
/// visible in <see cref="ShipmentView"/> and the timeline rows, measured without querying the database.
/// </summary>
public sealed class CommitClock : DocumentSessionListenerBase
{
    private readonly ConcurrentDictionary<Guid, long> _committed = new();
    private long _commits;

    public long Commits => Interlocked.Read(ref _commits);

    public int Count => _committed.Count;

    public bool TryGet(Guid scanId, out long timestamp) => _committed.TryGetValue(scanId, out timestamp);

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var now = Stopwatch.GetTimestamp();
        var any = false;
        foreach (var e in commit.GetEvents())
        {
            if (e.Data is CarrierEventRecorded recorded)
            {
                _committed.TryAdd(recorded.EventId, now);
                any = true;
            }
        }

        if (any)
        {
            Interlocked.Increment(ref _commits);
        }

        return Task.CompletedTask;
    }
}
