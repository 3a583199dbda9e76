using Microsoft.Extensions.Options;
using Shipping.Carriers;
using Shipping.Carriers.Simulator;
using Shipping.Carriers.Simulator.Journeys;
using Shipping.Carriers.Simulator.Webhooks;
using Shipping.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSimulator();
builder.AddCarrierAdapter(SimulatorOptions.Carrier, "the simulated carrier");

var app = builder.Build();

if (string.IsNullOrEmpty(app.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value.WebhookSecret))
{
    app.Logger.LogWarning("Simulator:WebhookSecret is not set: every simulator webhook will be refused with 401");
}

app.UseProblemDetailsForErrors();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapSimulatorWebhook();
if (app.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value.Journeys.Enabled)
{
    app.MapJourneys();
}

app.Run();
