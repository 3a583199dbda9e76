using System.Collections.Concurrent;
using MassTransit;

namespace Shipping.Testing;

/// <summary>
/// Records every message a host's consumers finished with, so a test can wait for "consumed" instead of sleeping.
/// </summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentQueue<object> _consumed = new();

    public int Count<T>(Func<T, bool> match) where T : class => _consumed.OfType<T>().Count(match);

    public IReadOnlyList<T> OfType<T>(Func<T, bool> match) where T : class => _consumed.OfType<T>().Where(match).ToList();

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _consumed.Enqueue(context.Message);
        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
