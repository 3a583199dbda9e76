using System.Globalization;
using Shipping.Contracts.Api;

namespace Shipping.Web.Console.Dashboard;

/// <summary>A bar of a horizontal bar chart, its length a share of the chart's largest value.</summary>
public sealed record ChartBar(string Label, double Value, string Display);

/// <summary>A horizontal bar chart: one labelled bar per row, with a table of the same figures beside it.</summary>
/// <param name="Unit">Written after each bar's value, e.g. " %".</param>
public sealed record BarChart(string Id, string Title, string Description, string ValueHeading, IReadOnlyList<ChartBar> Bars, double Max, string Unit = "")
{
    public const int Width = 640;
    public const int LabelWidth = 220;
    public const int RowHeight = 30;
    public const int BarArea = Width - LabelWidth - 70;

    public int Height => Math.Max(1, Bars.Count) * RowHeight + 10;

    public static double Length(double value, double max) => max <= 0 ? 0 : Math.Round(Math.Clamp(value / max, 0, 1) * BarArea, 1);
}

/// <summary>One series of a column chart (a colour in the legend).</summary>
public sealed record ChartSeries(string Name, string Fill, IReadOnlyList<int> Values);

/// <summary>Columns per day, the series side by side, with a table of the same figures.</summary>
public sealed record ColumnChart(string Id, string Title, string Description, IReadOnlyList<DateOnly> Days, IReadOnlyList<ChartSeries> Series)
{
    public const int Height = 220;
    public const int PlotTop = 10;
    public const int PlotHeight = 170;
    public const int Left = 40;

    public int Max => Math.Max(1, Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());

    /// <summary>The width of one day's group of columns.</summary>
    public double GroupWidth => Days.Count <= 15 ? 40 : Days.Count <= 62 ? 16 : 6;

    public double ColumnWidth => Math.Max(1, (GroupWidth - 2) / Math.Max(1, Series.Count));

    public double Width => Left + Days.Count * GroupWidth + 10;

    public double X(int day, int series) => Math.Round(Left + day * GroupWidth + 1 + series * ColumnWidth, 1);

    public double BarHeight(int value) => Math.Round((double)value / Max * PlotHeight, 1);

    public double Y(int value) => Math.Round(PlotTop + PlotHeight - BarHeight(value), 1);

    /// <summary>Which days get a label under the axis: every one when few, else about eight.</summary>
    public bool Labelled(int day) => Days.Count <= 15 || day % (int)Math.Ceiling(Days.Count / 8.0) == 0;
}

/// <summary>The dashboard's charts from Timeline's figures for a brand and period.</summary>
public static class DashboardCharts
{
    public const string Primary = "#1F3A5F";
    public const string Accent = "#B35A00";
    public const string Problem = "#B00020";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.#", Invariant) + " %" : "–";

    public static BarChart Rates(DashboardFigures f) => new(
        "rates", "Rates", "On-time, reply and self-service rates in the period, in percent.", "Rate",
        [
            new ChartBar("On time", (f.OnTimeRate ?? 0) * 100, $"{Percent(f.OnTimeRate)} ({f.DeliveredOnTime} of {f.Delivered} delivered)"),
            new ChartBar("Customer replies", (f.ReplyRate ?? 0) * 100, $"{Percent(f.ReplyRate)} ({f.CustomerReplies} of {f.AlertsSent} alerts)"),
            new ChartBar("Self-service", (f.SelfServiceRate ?? 0) * 100, $"{Percent(f.SelfServiceRate)} ({f.SelfServiceRequests} of {f.Shipments} shipments)"),
        ],
        100,
        " %");

    public static BarChart Delays(DashboardFigures f)
    {
        var bars = f.Delays.OrderByDescending(d => d.Count).ThenBy(d => d.Carrier, StringComparer.Ordinal)
            .Select(d => new ChartBar($"{d.Carrier}: {d.Reason}", d.Count, d.Count.ToString(Invariant))).ToList();
        return new BarChart("delays", "Delays by carrier and reason", "Delays detected in the period, per carrier and reason.", "Delays", bars,
            bars.Count == 0 ? 0 : bars.Max(b => b.Value));
    }

    public static BarChart AlertsByChannel(DashboardFigures f)
    {
        var bars = f.AlertsByChannel.OrderByDescending(c => c.Count)
            .Select(c => new ChartBar(Orders.ConsoleTimeline.ChannelName(c.Channel), c.Count, c.Count.ToString(Invariant))).ToList();
        return new BarChart("alerts-by-channel", "Alerts by channel", "Alerts sent in the period, per channel.", "Alerts", bars,
            bars.Count == 0 ? 0 : bars.Max(b => b.Value));
    }

    public static ColumnChart Deliveries(DashboardFigures f) => new(
        "deliveries", "Deliveries per day", "Parcels delivered each day, on time and late.", f.Days.Select(d => d.Day).ToList(),
        [
            new ChartSeries("On time", Primary, f.Days.Select(d => d.DeliveredOnTime).ToList()),
            new ChartSeries("Late", Problem, f.Days.Select(d => Math.Max(0, d.Delivered - d.DeliveredOnTime)).ToList()),
        ]);

    public static ColumnChart AlertVolume(DashboardFigures f) => new(
        "alert-volume", "Alerts and delays per day", "Alerts sent and delays detected each day.", f.Days.Select(d => d.Day).ToList(),
        [
            new ChartSeries("Alerts sent", Accent, f.Days.Select(d => d.AlertsSent).ToList()),
            new ChartSeries("Delays", Problem, f.Days.Select(d => d.Delays).ToList()),
        ]);
}

/// <summary>SVG <c>text</c> elements (Razor reserves <c>&lt;text&gt;</c> for itself), the content encoded.</summary>
public static class Svg
{
    public static Microsoft.AspNetCore.Html.IHtmlContent Text(double x, double y, string content, int size = 13, string? anchor = null) =>
        new Microsoft.AspNetCore.Html.HtmlString(
            $"<text x=\"{x.ToString("0.#", CultureInfo.InvariantCulture)}\" y=\"{y.ToString("0.#", CultureInfo.InvariantCulture)}\" font-size=\"{size}\" fill=\"#1A1A1A\"" +
            (anchor is null ? "" : $" text-anchor=\"{anchor}\"") + $">{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(content)}</text>");
}
