using System.Collections.Concurrent;
using MassTransit;

namespace Shipping.Testing;

/// <summary>Records every message a host published, so a test can assert what went out, or that nothing did.</summary>
public sealed class PublishedMessages : IPublishObserver
{
    private readonly ConcurrentQueue<object> _published = new();

    public IReadOnlyList<T> Of<T>() where T : class => _published.OfType<T>().ToList();

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        _published.Enqueue(context.Message);
        return Task.CompletedTask;
    }

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
