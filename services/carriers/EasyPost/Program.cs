using Microsoft.Extensions.Options;
using Shipping.Carriers.EasyPost;
using Shipping.Carriers.EasyPost.Webhooks;
using Shipping.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEasyPost();

var app = builder.Build();

foreach (var missing in app.Services.GetRequiredService<IOptions<EasyPostOptions>>().Value.MissingCredentials())
{
    app.Logger.LogWarning("{Missing}", missing);
}

app.UseProblemDetailsForErrors();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapEasyPostWebhook();

app.Run();
