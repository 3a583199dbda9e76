using Shipping.Carriers;
using Shipping.Carriers.Dhl;
using Shipping.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddCarrierAdapter(DhlOptions.Carrier, "DHL");
builder.AddDhl();

var app = builder.Build();

app.WarnIfDhlIsNotConfigured();
app.UseProblemDetailsForErrors();
app.MapDefaultEndpoints();

app.Run();
