using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Carriers.Dhl;
using Shipping.Carriers.Dhl.Normalising;
using Shipping.Carriers.Dhl.Tracking;
using Shipping.Carriers.EasyPost;
using Shipping.Carriers.EasyPost.Normalising;
using Shipping.Carriers.EasyPost.Webhooks;
using Shipping.Carriers.Fedex.Normalising;
using Shipping.Carriers.Fedex.Tracking;
using Shipping.Carriers.Simulator.Webhooks;
using Shipping.Carriers.Ups;
using Shipping.Carriers.Ups.Normalising;
using Shipping.Carriers.Ups.Tracking;
using Shipping.Carriers.Ups.Webhooks;
using Shipping.Carriers.Usps.Normalising;
using Shipping.Carriers.Usps.Tracking;
using Shipping.Testing;

namespace Shipping.Carriers.Benchmarks;

/// <summary>The payloads measured: each carrier's real example payloads from ../shared/specs, parsed the way its adapter does.</summary>
public static class Cases
{
    public static IEnumerable<NormalisationCase> All()
    {
        var simulator = new SimulatorNormaliser(NullLogger<SimulatorNormaliser>.Instance);
        yield return new NormalisationCase("simulator webhook", Encoding.UTF8.GetBytes(SimulatorJourney), bytes =>
            simulator.Normalise(JsonSerializer.Deserialize<SimulatorWebhookPayload>(bytes, JsonSerializerOptions.Web)!).Scans.Count);

        var dhl = new DhlNormaliser(NullLogger<DhlNormaliser>.Instance);
        foreach (var (file, number) in new[] { ("dhl/64888.json", "64888"), ("dhl/JJD000390005893028175.json", "JJD000390005893028175") })
        {
            yield return new NormalisationCase($"dhl {Path.GetFileName(file)}", SpecFiles.ReadBytes(file), bytes =>
                dhl.Normalise(number, JsonSerializer.Deserialize<DhlShipmentsResponse>(bytes, DhlJson.Options)!).Scans.Count);
        }

        var ups = new UpsStatusMapping(NullLogger<UpsStatusMapping>.Instance);
        var upsTrack = new TrackResponseNormaliser(ups);
        var upsAlert = new TrackAlertNormaliser(ups);
        yield return new NormalisationCase("ups track details", Fixture("Ups.Tests", "Tracking.details.1Z023E2X0214323462.json"), bytes =>
            upsTrack.Normalise("1Z023E2X0214323462", JsonSerializer.Deserialize<TrackApiResponse>(bytes, UpsJson.Options)).Scans.Count);
        yield return new NormalisationCase("ups track alert", Fixture("Ups.Tests", "UPSTrackAlert.TrackingEvent.example1.json"), bytes =>
            upsAlert.Normalise(JsonSerializer.Deserialize<TrackAlertEvent>(bytes, UpsJson.Options)!).Scans.Count);

        var fedex = new FedexNormaliser(NullLogger<FedexNormaliser>.Instance);
        yield return new NormalisationCase("fedex response200.json", SpecFiles.ReadBytes("fedex/response200.json"), bytes =>
            fedex.Read("123456789012", JsonSerializer.Deserialize<FedexTrackResponse>(bytes, FedexJson.Options)!).Lookup
                is Polling.TrackingLookup.Found found ? found.Scans.Count : 0);

        var easyPost = new EasyPostNormaliser(NullLogger<EasyPostNormaliser>.Instance);
        yield return new NormalisationCase("easypost event-body.json", SpecFiles.ReadBytes("easypost/event-body.json"), bytes =>
            easyPost.Normalise(JsonSerializer.Deserialize<EasyPostEvent>(bytes, EasyPostJson.Options)!).Scans.Count);

        var usps = new UspsNormaliser(NullLogger<UspsNormaliser>.Instance);
        yield return new NormalisationCase("usps tracking response", Fixture("Usps.Tests", "journey-response.json"), bytes =>
            usps.Normalise(JsonSerializer.Deserialize(bytes, UspsJsonContext.Default.ListUspsTrackingDetail)![0]).Scans.Count);
    }

    /// <summary>A fixture a carrier's tests built in its spec's shape, where the spec has no example response.</summary>
    private static byte[] Fixture(string testProject, string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", testProject, "Fixtures", file);
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }

        throw new FileNotFoundException(file);
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
