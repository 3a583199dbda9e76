using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.Web.Console.Dashboard;

namespace Shipping.Web.Tests.Console;

public class DashboardChartsTests
{
    private static DashboardFigures Figures() => new(
        new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 3), Shipments: 20, Delivered: 10, DeliveredOnTime: 8, OnTimeRate: 0.8,
        Delays: [new DelayCount("dhl", DelayReason.LateCarrierEstimate, 2), new DelayCount("ups", DelayReason.CarrierProblem, 5)],
        AlertsSent: 12, AlertsByChannel: [new ChannelCount(AlertChannel.Sms, 9), new ChannelCount(AlertChannel.Email, 3)],
        CustomerReplies: 3, ReplyRate: 0.25, SelfServiceRequests: 4, SelfServiceRate: 0.2, AgentRequests: 1, Ratings: 2, AverageRating: 4.5,
        Days:
        [
            new DailyFigures(new DateOnly(2026, 11, 1), 4, 4, 1, 6),
            new DailyFigures(new DateOnly(2026, 11, 2), 6, 4, 6, 6),
            new DailyFigures(new DateOnly(2026, 11, 3), 0, 0, 0, 0),
        ]);

    [Fact]
    public void Rates_AreShares_OfTheirOwnBase()
    {
        var rates = DashboardCharts.Rates(Figures());
        Assert.Equal([80, 25, 20], rates.Bars.Select(b => Math.Round(b.Value, 6)));
        Assert.Equal("80 % (8 of 10 delivered)", rates.Bars[0].Display);
        Assert.Equal(BarChart.BarArea, BarChart.Length(100, rates.Max));
        Assert.Equal(BarChart.BarArea * 0.8, BarChart.Length(rates.Bars[0].Value, rates.Max), 1);
    }

    [Fact]
    public void Delays_AreSortedByCount_TheLongestBarTheLargest()
    {
        var delays = DashboardCharts.Delays(Figures());
        Assert.Equal(["ups: CarrierProblem", "dhl: LateCarrierEstimate"], delays.Bars.Select(b => b.Label));
        Assert.Equal(BarChart.BarArea, BarChart.Length(delays.Bars[0].Value, delays.Max));
        Assert.Equal(Math.Round(BarChart.BarArea * 2 / 5.0, 1), BarChart.Length(delays.Bars[1].Value, delays.Max));
    }

    [Fact]
    public void Deliveries_SplitIntoOnTimeAndLate_PerDay_ScaledToTheLargestColumn()
    {
        var chart = DashboardCharts.Deliveries(Figures());
        Assert.Equal([4, 4, 0], chart.Series[0].Values);
        Assert.Equal([0, 2, 0], chart.Series[1].Values);
        Assert.Equal(4, chart.Max);
        Assert.Equal(ColumnChart.PlotHeight, chart.BarHeight(4));
        Assert.Equal(ColumnChart.PlotTop + ColumnChart.PlotHeight, chart.Y(0));
        Assert.True(chart.X(1, 0) > chart.X(0, 1)); // days do not overlap
    }

    [Fact]
    public void AnEmptyPeriod_DrawsNoBar_AndDividesByNothing()
    {
        var empty = new DashboardFigures(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1), 0, 0, 0, null, [], 0, [], 0, null, 0, null, 0, 0, null, []);
        Assert.Empty(DashboardCharts.Delays(empty).Bars);
        Assert.Equal(0, BarChart.Length(0, 0));
        Assert.Equal("–", DashboardCharts.Percent(empty.OnTimeRate));
        Assert.Equal(1, DashboardCharts.AlertVolume(empty).Max);
    }
}
