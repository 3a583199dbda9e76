using Shipping.Contracts;
using Shipping.Notifications.Alerts;
using Shipping.Notifications.Email.Inbound;
using Shipping.Notifications.Replies;

namespace Shipping.Notifications.Tests.Replies;

public sealed class ReplyParserTests
{
    // Wednesday 26 November 2025; the alert offered Fri 28 Nov, a neighbour, and Mon 1 Dec.
    private static readonly DateOnly Today = new(2025, 11, 26);
    private static readonly OfferedOption[] Options =
    [
        new(1, DeliveryChangeKind.NewDate, new DateOnly(2025, 11, 28)),
        new(2, DeliveryChangeKind.Neighbour, null),
        new(3, DeliveryChangeKind.NewDate, new DateOnly(2025, 12, 1)),
    ];

    private static readonly OfferedOption[] TomorrowOffered = [new(1, DeliveryChangeKind.NewDate, new DateOnly(2025, 11, 27)), new(2, DeliveryChangeKind.Neighbour, null)];

    [Theory]
    [InlineData("1", 28)]
    [InlineData(" 1 ", 28)]
    [InlineData("3 please", 1)]
    [InlineData("Option 3", 1)]
    [InlineData("Friday", 28)]
    [InlineData("friday please", 28)]
    [InlineData("Freitag", 28)]
    [InlineData("Am Freitag bitte", 28)]
    [InlineData("28.11.", 28)]
    [InlineData("am 28.11. bitte", 28)]
    [InlineData("28/11", 28)]
    [InlineData("28 Nov", 28)]
    [InlineData("Nov 28", 28)]
    [InlineData("1. Dezember", 1)]
    [InlineData("Montag", 1)]
    [InlineData("Monday", 1)]
    public void Dates_AndNumbers_ChooseTheOfferedDay(string reply, int day)
    {
        var intent = Assert.IsType<ReplyIntent.Choose>(ReplyParser.Parse(reply, Options, Today));
        Assert.Equal(DeliveryChangeKind.NewDate, intent.Kind);
        Assert.Equal(day, intent.Date!.Value.Day);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("Tomorrow please")]
    [InlineData("morgen")]
    [InlineData("Morgen bitte")]
    public void Tomorrow_InEitherLanguage(string reply)
    {
        var intent = Assert.IsType<ReplyIntent.Choose>(ReplyParser.Parse(reply, TomorrowOffered, Today));
        Assert.Equal(new DateOnly(2025, 11, 27), intent.Date);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("neighbour")]
    [InlineData("Neighbor please")]
    [InlineData("Nachbar")]
    [InlineData("beim Nachbarn bitte")]
    public void Neighbour_InEitherLanguage(string reply) =>
        Assert.Equal(DeliveryChangeKind.Neighbour, Assert.IsType<ReplyIntent.Choose>(ReplyParser.Parse(reply, Options, Today)).Kind);

    [Theory]
    [InlineData("")]
    [InlineData("what?")]
    [InlineData("7")]
    [InlineData("1 or 3")]
    [InlineData("Thursday")] // not offered
    [InlineData("29.11.")] // not offered
    [InlineData("tomorrow")] // not offered here
    public void Unclear_OrNotOffered_IsUnclear(string reply) => Assert.IsType<ReplyIntent.Unclear>(ReplyParser.Parse(reply, Options, Today));

    [Theory]
    [InlineData("Schmidt 12", "Schmidt", "12")]
    [InlineData("Frau Schmidt, Nr. 12a", "Frau Schmidt", "12a")]
    [InlineData("Mrs Smith, no. 14", "Mrs Smith", "14")]
    [InlineData("12 Schmidt", "Schmidt", "12")]
    [InlineData("Müller Hausnummer 7", "Müller", "7")]
    public void NeighbourFollowUp_ReadsNameAndHouseNumber(string reply, string name, string number)
    {
        var neighbour = Assert.IsType<ReplyIntent.Neighbour>(ReplyParser.ParseNeighbour(reply));
        Assert.Equal(name, neighbour.Name);
        Assert.Equal(number, neighbour.HouseNumber);
    }

    [Theory]
    [InlineData("Schmidt")]
    [InlineData("12")]
    [InlineData("next door")]
    public void NeighbourFollowUp_WithoutNameOrNumber_IsUnclear(string reply) => Assert.IsType<ReplyIntent.Unclear>(ReplyParser.ParseNeighbour(reply));

    [Fact]
    public void EmailReply_LosesTheQuotedOriginal()
    {
        const string english = "2\r\n\r\nOn Wed, 26 Nov 2026 at 09:12, Acme <alerts@acme.example> wrote:\r\n> Reply 1 to deliver on Fri 28 Nov, 2 to leave it with a neighbour\r\n> 3 to deliver on Mon 1 Dec.";
        const string german = "Freitag bitte\n\nAm 26.11.2026 um 09:12 schrieb Acme <alerts@acme.example>:\n> Antworten Sie 1 für Lieferung am Fr. 28. Nov.";
        const string outlook = "Nachbar\n\n-----Original Message-----\nFrom: Acme\nReply 1 ...";
        Assert.Equal("2", QuotedText.NewPart(english));
        Assert.Equal("Freitag bitte", QuotedText.NewPart(german));
        Assert.Equal("Nachbar", QuotedText.NewPart(outlook));
        Assert.Equal(DeliveryChangeKind.Neighbour, Assert.IsType<ReplyIntent.Choose>(ReplyParser.Parse(QuotedText.NewPart(english), Options, Today)).Kind);
    }
}
