using Shipping.ServiceDefaults;
using Shipping.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWeb();

var app = builder.Build();

app.UseWeb();
app.MapDefaultEndpoints();
app.MapWeb();

app.Run();
