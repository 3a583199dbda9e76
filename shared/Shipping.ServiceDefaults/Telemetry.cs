using System.Diagnostics;

namespace Shipping.ServiceDefaults;

/// <summary>Names of the trace and metric sources the services listen to.</summary>
public static class Telemetry
{
    /// <summary>MassTransit's ActivitySource and Meter.</summary>
    public const string MassTransitSource = "MassTransit";

    /// <summary>
    /// Npgsql's own ActivitySource and Meter. Npgsql emits them natively; the Npgsql.OpenTelemetry package
    /// only adds these two names, and its only served version drags Npgsql up to 10.x, past what Marten
    /// is built against.
    /// </summary>
    public const string NpgsqlSource = "Npgsql";

    /// <summary>Marten's ActivitySource and Meter.</summary>
    public const string MartenSource = "Marten";

    /// <summary>Shipping's own spans (subscriptions, background work).</summary>
    public const string ShippingSource = "Shipping";

    public static readonly ActivitySource Source = new(ShippingSource);
}
