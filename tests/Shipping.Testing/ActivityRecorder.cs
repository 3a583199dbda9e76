using System.Collections.Concurrent;
using System.Diagnostics;

namespace Shipping.Testing;

/// <summary>Collects every finished span of the test process, as an OpenTelemetry exporter would see them.</summary>
public sealed class ActivityRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public ActivityRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> InTrace(ActivityTraceId trace) => _stopped.Where(a => a.TraceId == trace).ToList();

    public IReadOnlyList<Activity> All => _stopped.ToList();

    /// <summary>One line a span, for failure messages.</summary>
    public static string Describe(IEnumerable<Activity> spans) =>
        string.Join(Environment.NewLine, spans.Select(a => $"{a.Source.Name} {a.Kind} '{a.DisplayName}' span={a.SpanId} parent={a.ParentSpanId}"));

    public void Dispose() => _listener.Dispose();
}
