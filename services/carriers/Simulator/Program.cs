using Shipping.Carriers;
using Shipping.Carriers.Simulator;
using Shipping.Carriers.Simulator.Journeys;
using Shipping.Carriers.Simulator.Webhooks;
using Shipping.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddCarrierAdapter(SimulatorOptions.Carrier);
builder.AddSimulator();

var app = builder.Build();

app.UseProblemDetailsForErrors();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapSimulatorWebhook();
if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SimulatorOptions>>().Value.Journeys.Enabled)
{
    app.MapJourneys();
}

app.Run();
