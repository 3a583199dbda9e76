using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace Shipping.Timeline;

public static class AsyncProjections
{
    /// <summary>
    /// Registers a hand-written async projection that only some event types concern. The daemon then reads just those
    /// types for it (<c>type = ANY(...)</c> in its fetch), instead of every event of the store: every scan's
    /// CarrierEventRecorded, for one, is most of the bytes of the store and most projections never look at it.
    /// </summary>
    public static void AddAsync(
        this ProjectionOptions projections, IProjection projection, string name, IEnumerable<Type> eventTypes, Action<AsyncOptions> configure)
    {
        var source = new ProjectionWrapper<IDocumentOperations, IQuerySession>(projection, ProjectionLifecycle.Async) { Name = name };
        foreach (var type in eventTypes)
        {
            source.IncludeType(type);
        }

        projections.Add(source, ProjectionLifecycle.Async, configure);
    }
}
