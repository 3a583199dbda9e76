using Shipping.Web.Console;

namespace Shipping.Web.Tests.Console;

public class ConsoleTimesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("2026-11-20T10:00", "2026-11-20T10:00:00+01:00")] // winter
    [InlineData("2026-07-20T10:00", "2026-07-20T10:00:00+02:00")] // summer
    [InlineData("2026-07-20T10:00:30", "2026-07-20T10:00:30+02:00")]
    [InlineData("2026-03-29T02:30", "2026-03-29T02:30:00+01:00")] // skipped: the offset before the change (03:30 summer time)
    [InlineData("2026-10-25T02:30", "2026-10-25T02:30:00+02:00")] // twice: the first time
    public void LocalInput_IsReadInTheZone_WithItsOffsetThen(string input, string expected)
    {
        var parsed = ConsoleTimes.ParseLocal(input, Berlin);
        Assert.Equal(DateTimeOffset.Parse(expected), parsed);
        Assert.Equal(DateTimeOffset.Parse(expected).Offset, parsed!.Value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-13-01T10:00")]
    [InlineData("2026-11-20 10:00+01:00")]
    public void BadInput_IsNoTime(string input) => Assert.Null(ConsoleTimes.ParseLocal(input, Berlin));

    [Fact]
    public void Times_ShowInTheChosenZone_WithItsOffset()
    {
        var moment = DateTimeOffset.Parse("2026-11-20T09:00:00Z");
        Assert.Equal("2026-11-20 10:00:00 +01:00", ConsoleTimes.Show(moment, Berlin));
        Assert.Equal("2026-11-20 09:00:00 +00:00", ConsoleTimes.Show(moment, TimeZoneInfo.Utc));
        Assert.Equal("2026-11-20T10:00", ConsoleTimes.Input(moment, Berlin));
    }

    [Theory]
    [InlineData("Europe/Berlin", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData(null, false)]
    public void Zones_AreKnownByTheirIanaNames(string? zone, bool known) => Assert.Equal(known, ConsoleTimes.IsKnownZone(zone));
}
