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
app.MapTimelineApi();

app.Run();
