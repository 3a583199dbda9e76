using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Carriers.Simulator.Webhooks;

namespace Shipping.Carriers.Benchmarks;

/// <summary>The payloads measured: each carrier's real example payloads from ../shared/specs, parsed the way its adapter does.</summary>
public static class Cases
{
    public static IEnumerable<NormalisationCase> All()
    {
        var simulator = new SimulatorNormaliser(NullLogger<SimulatorNormaliser>.Instance);
        yield return new NormalisationCase("simulator webhook", Encoding.UTF8.GetBytes(SimulatorJourney), bytes =>
            simulator.Normalise(JsonSerializer.Deserialize<SimulatorWebhookPayload>(bytes, JsonSerializerOptions.Web)!).Scans.Count);
    }

    // The simulator has no published spec; this is its documented webhook shape with a whole journey.
    private const string SimulatorJourney = """
        {"trackingNumber":"SIM1001A","estimatedDelivery":"2026-11-25","events":[
          {"code":"LABEL_CREATED","at":"2026-11-23T07:02:00+01:00","description":"Label created","location":{"city":"Hamburg","postalCode":"20457","country":"DE"}},
          {"code":"PICKED_UP","at":"2026-11-23T09:15:00+01:00","description":"Picked up","location":{"city":"Hamburg","postalCode":"20457","country":"DE"}},
          {"code":"DEPARTED","at":"2026-11-23T18:40:00+01:00","description":"Departed","location":{"city":"Hamburg","postalCode":"22113","country":"DE"}},
          {"code":"ARRIVED","at":"2026-11-24T03:10:00","description":"Arrived","location":{"city":"Leipzig","postalCode":"04435","country":"DE"}},
          {"code":"OUT_FOR_DELIVERY","at":"2026-11-24T08:05:00+01:00","description":"Out for delivery","location":{"city":"München","postalCode":"80995","country":"DE"}},
          {"code":"DELIVERED","at":"2026-11-24T13:37:00+01:00","description":"Delivered","location":{"city":"München","postalCode":"80331","country":"DE"}}]}
        """;
}
