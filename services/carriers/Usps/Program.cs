using Microsoft.Extensions.Options;
using Shipping.Carriers.Usps;
using Shipping.Carriers.Usps.Webhooks;
using Shipping.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddUsps();

var app = builder.Build();

UspsExtensions.WarnAboutMissingSettings(app.Services.GetRequiredService<IOptions<UspsOptions>>().Value, app.Logger);

app.UseProblemDetailsForErrors();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapUspsWebhook();

app.Run();
