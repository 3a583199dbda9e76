using MassTransit;

namespace Shipping.Notifications;

/// <summary>Retries for every consumer: racing writers (optimistic concurrency, a claim inserted twice) and the database.</summary>
public static class NotificationsRetry
{
    public static void Configure(IRetryConfigurator retry)
    {
        retry.Intervals(100, 250, 500, 1000, 2000, 5000);
        retry.Handle<JasperFx.ConcurrencyException>();
        retry.Handle<JasperFx.DocumentAlreadyExistsException>();
        retry.Handle<Npgsql.NpgsqlException>();
        retry.Handle<TimeoutException>();
    }
}
