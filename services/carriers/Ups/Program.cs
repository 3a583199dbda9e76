using Shipping.Carriers;
using Shipping.Carriers.Ups;
using Shipping.Carriers.Ups.Tracking;
using Shipping.Carriers.Ups.Webhooks;
using Shipping.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddUps();
builder.AddCarrierAdapter(UpsOptions.Carrier, "UPS");
builder.AddCarrierPolling<WebApplicationBuilder, UpsTracker>(UpsOptions.Section, UpsExtensions.PollingDefaults);
builder.Services.AddOpenApi();

var app = builder.Build();

app.WarnAboutMissingSettings();
app.UseProblemDetailsForErrors();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapUpsWebhook();

app.Run();
