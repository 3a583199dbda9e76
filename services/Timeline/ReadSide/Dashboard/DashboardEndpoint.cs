using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Timeline.Tenancy;

namespace Shipping.Timeline.ReadSide.Dashboard;

public static class DashboardEndpoint
{
    /// <summary>The longest range one request may ask for, in days.</summary>
    public const int MaxDays = 366;

    public static RouteGroupBuilder MapDashboard(this RouteGroupBuilder dashboard)
    {
        dashboard.MapGet("/", GetAsync)
            .WithName("GetDashboard")
            .WithSummary("The tenant's figures over UTC days from..to (yyyy-MM-dd, inclusive, at most 366 days): shipments, deliveries and on-time rate, delays by carrier and reason, alerts by channel, reply and self-service rates, agents' requests, ratings, and each day's figures. Built asynchronously: it may lag a moment.");
        return dashboard;
    }

    private static async Task<Results<Ok<DashboardFigures>, ValidationProblem>> GetAsync(
        string? from, string? to, HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var first = Parse(from, "from", errors);
        var last = Parse(to, "to", errors);
        if (first is { } f && last is { } l)
        {
            if (f > l)
            {
                errors["from"] = ["Must not be after to."];
            }
            else if (l.DayNumber - f.DayNumber + 1 > MaxDays)
            {
                errors["to"] = [$"At most {MaxDays} days from from."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request has invalid fields");
        }

        var dates = Enumerable.Range(0, last!.Value.DayNumber - first!.Value.DayNumber + 1).Select(i => first.Value.AddDays(i)).ToList();
        await using var session = store.QuerySession(http.User.TenantId());
        var docs = (await session.LoadManyAsync<DashboardDay>(ct, dates.Select(DashboardDay.IdFor).ToArray())).ToDictionary(d => d.Id);
        return TypedResults.Ok(Figures(first.Value, last.Value, dates.Select(d => (d, docs.GetValueOrDefault(DashboardDay.IdFor(d)))).ToList()));
    }

    /// <summary>Adds the days up; rates are null when what they divide by is zero.</summary>
    public static DashboardFigures Figures(DateOnly from, DateOnly to, IReadOnlyList<(DateOnly Day, DashboardDay? Figures)> days)
    {
        var present = days.Where(d => d.Figures is not null).Select(d => d.Figures!).ToList();
        int Sum(Func<DashboardDay, int> of) => present.Sum(of);
        int Requests(params DeliveryChangeChannel[] channels) => present.Sum(d => channels.Sum(c => d.Requests.GetValueOrDefault(c)));
        static double? Rate(int count, int of) => of == 0 ? null : (double)count / of;

        var shipments = Sum(d => d.Shipments);
        var delivered = Sum(d => d.Delivered);
        var onTime = Sum(d => d.DeliveredOnTime);
        var alerts = Sum(d => d.AlertsSent);
        var replies = Requests(DeliveryChangeChannel.Sms, DeliveryChangeChannel.Email);
        var selfService = Requests(DeliveryChangeChannel.TrackingPage);
        var ratings = Sum(d => d.Ratings);
        var delays = present.SelectMany(d => d.Delays)
            .GroupBy(kv => kv.Key)
            .Select(g => (Key: g.Key.Split('|'), Count: g.Sum(kv => kv.Value)))
            .Where(x => x.Count != 0 && x.Key.Length == 2 && Enum.TryParse<DelayReason>(x.Key[1], out _))
            .Select(x => new DelayCount(x.Key[0], Enum.Parse<DelayReason>(x.Key[1]), x.Count))
            .OrderBy(d => d.Carrier, StringComparer.Ordinal).ThenBy(d => d.Reason)
            .ToList();
        var byChannel = Enum.GetValues<AlertChannel>()
            .Select(c => new ChannelCount(c, present.Sum(d => d.AlertsByChannel.GetValueOrDefault(c))))
            .Where(c => c.Count > 0)
            .ToList();

        return new DashboardFigures(
            from, to, shipments, delivered, onTime, Rate(onTime, Sum(d => d.DeliveredWithPromise)),
            delays, alerts, byChannel, replies, Rate(replies, alerts), selfService, Rate(selfService, shipments),
            Requests(DeliveryChangeChannel.SupportAgent), ratings, ratings == 0 ? null : (double)Sum(d => d.Stars) / ratings,
            days.Select(d => new DailyFigures(d.Day, d.Figures?.Delivered ?? 0, d.Figures?.DeliveredOnTime ?? 0,
                d.Figures?.Delays.Values.Sum() ?? 0, d.Figures?.AlertsSent ?? 0)).ToList());
    }

    private static DateOnly? Parse(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = ["Required: a day written yyyy-MM-dd."];
        return null;
    }
}
