using Shipping.Carriers.Simulator.Journeys;
using Shipping.Carriers.Simulator.Webhooks;

namespace Shipping.Carriers.Simulator;

public static class SimulatorExtensions
{
    public static WebApplicationBuilder AddSimulator(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SimulatorOptions>().BindConfiguration("Simulator");
        builder.Services.AddSingleton<SimulatorNormaliser>();
        builder.Services.AddSingleton<Shipping.Carriers.DeliveryChanges.IDeliveryChanger, SimulatorDeliveryChanger>();
        builder.Services.AddSingleton<Shipping.Carriers.DeliveryChanges.ICarrierDeliveryOffers, SimulatorDeliveryOffers>();
        builder.Services.AddSingleton<JourneyPlayer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<JourneyPlayer>());
        builder.Services.AddOpenApi();
        return builder;
    }
}
