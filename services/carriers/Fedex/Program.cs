using Shipping.Carriers;
using Shipping.Carriers.Fedex;
using Shipping.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddCarrierAdapter(FedexOptions.Carrier, FedexOptions.DisplayName);
builder.AddFedex();

var app = builder.Build();

app.WarnIfFedexCredentialsMissing();
app.UseProblemDetailsForErrors();
app.MapDefaultEndpoints();
app.MapOpenApi();

app.Run();
