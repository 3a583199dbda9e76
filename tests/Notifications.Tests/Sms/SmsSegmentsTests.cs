using Shipping.Notifications.Alerts.Sending;
using Shipping.Notifications.Sms;

namespace Shipping.Notifications.Tests.Sms;

public sealed class SmsSegmentsTests
{
    [Theory]
    [InlineData("Your parcel is delayed.", SmsEncoding.Gsm7)]
    [InlineData("Ihr Paket verspätet sich: Lieferung am Fr. 28. Nov.", SmsEncoding.Gsm7)] // ä, ö, ü are in GSM-7
    [InlineData("Price: 5€ [approx]", SmsEncoding.Gsm7)] // extension table
    [InlineData("Zustellung übermorgen – danke", SmsEncoding.Ucs2)] // the en dash is not GSM-7
    [InlineData("Delivered 👍", SmsEncoding.Ucs2)]
    [InlineData("Livraison à Besançon", SmsEncoding.Ucs2)] // ç is only in GSM-7 as capital Ç
    public void Encoding_IsGsm7_OnlyWhenEveryCharacterIsInTheTables(string text, SmsEncoding expected) =>
        Assert.Equal(expected, SmsSegments.EncodingOf(text));

    [Theory]
    [InlineData(160, 'a', 1)]
    [InlineData(161, 'a', 2)]
    [InlineData(306, 'a', 2)]
    [InlineData(307, 'a', 3)]
    [InlineData(70, 'ł', 1)]
    [InlineData(71, 'ł', 2)]
    [InlineData(134, 'ł', 2)]
    [InlineData(135, 'ł', 3)]
    public void Segments_Follow_TheSingleAndConcatenatedLimits(int length, char c, int segments) =>
        Assert.Equal(segments, SmsSegments.Count(new string(c, length)));

    [Fact]
    public void ExtensionCharacters_CountTwice()
    {
        Assert.Equal(1, SmsSegments.Count(new string('€', 80)));
        Assert.Equal(2, SmsSegments.Count(new string('€', 81)));
    }

    [Fact]
    public void LongAlert_IsCut_ToTwoSegments_KeepingItsChoices()
    {
        var headline = string.Join(' ', Enumerable.Repeat("Your parcel 00340434161094042557 of order 12345 is delayed.", 6));
        var choices = "Reply 1 to deliver on Fri 28 Nov, 2 to leave it with a neighbour, 3 to deliver on Mon 1 Dec.";
        var text = AlertComposer.SmsText("Acme", headline, choices);
        Assert.True(SmsSegments.Count(text) <= 2, $"{SmsSegments.Count(text)} segments: {text}");
        Assert.EndsWith(choices, text);
    }

    [Fact]
    public void LongAlert_KeepsItsChoicesAndItsTrackingLinkWhole()
    {
        var headline = string.Join(' ', Enumerable.Repeat("Your parcel 00340434161094042557 of order 12345 is delayed.", 6));
        var choices = "Reply 1 to deliver on Fri 28 Nov, 2 to leave it with a neighbour, 3 to deliver on Mon 1 Dec.";
        const string link = "https://track.example.com/t/YWNtZQoxMDAxCjE3OTk5OTk5OTk.AbCdEfGhIjKlMnOp";

        var text = AlertComposer.SmsText("Acme", headline, choices, link);

        Assert.True(SmsSegments.Count(text) <= 2, $"{SmsSegments.Count(text)} segments: {text}");
        Assert.EndsWith($"{choices} {link}", text);
        Assert.Equal($"Acme: Your parcel is delayed. {link}", AlertComposer.SmsText("Acme", "Your parcel is delayed.", "", link));
    }

    [Fact]
    public void Ucs2Text_IsCut_ByUcs2Limits()
    {
        var text = SmsSegments.Truncate(string.Join(' ', Enumerable.Repeat("Paket – verspätet", 20)));
        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.EncodingOf(text));
        Assert.True(text.Length <= 134);
        Assert.EndsWith("…", text);
    }
}
