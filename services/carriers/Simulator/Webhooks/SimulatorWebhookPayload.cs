namespace Shipping.Carriers.Simulator.Webhooks;

/// <summary>The simulated carrier's webhook body (<c>POST /webhooks/simulator</c>).</summary>
public sealed record SimulatorWebhookPayload(
    string? TrackingNumber,
    IReadOnlyList<SimulatorEvent>? Events,
    string? EstimatedDelivery);

public sealed record SimulatorEvent(string? Code, string? At, string? Description, SimulatorLocation? Location);

public sealed record SimulatorLocation(string? City, string? PostalCode, string? Country);
