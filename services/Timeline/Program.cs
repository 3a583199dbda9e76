using Scalar.AspNetCore;
using Shipping.ServiceDefaults;
using Shipping.Timeline;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddTimeline();

var app = builder.Build();

app.UseProblemDetailsForErrors();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference(); // /scalar: the interactive reference of /openapi/v1.json
}
app.MapTimelineApi();

app.Run();
