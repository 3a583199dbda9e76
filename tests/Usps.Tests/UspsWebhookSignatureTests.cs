using System.Text;
using System.Text.Json;
using Shipping.Carriers.Usps.Webhooks;

namespace Shipping.Carriers.Usps.Tests;

public class UspsWebhookSignatureTests
{
    // RFC 4231, test case 2 (USPS publishes no vector of its own): key "Jefe", data "what do ya want for nothing?".
    // Split between the two signed fields, it checks the algorithm, the encoding and the order of concatenation.
    private const string RfcKey = "Jefe";
    private const string RfcSignature = "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM="; // base64 of 5bdcc146…64ec3843

    private static byte[] Body(string timestamp, string payload, string subscriptionId = "123456789") =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { subscriptionId, subscriptionType = "TRACKING", timestamp, payload }));

    private static byte[] SpecBody(string example = "scanEvent") => Encoding.UTF8.GetBytes(SpecExamples.Notification(example).ToJsonString());

    private static string SpecSignature(string example = "scanEvent")
    {
        var notification = SpecExamples.Notification(example);
        return UspsWebhookSignature.Sign(SpecExamples.SubscriptionSecret, notification["timestamp"]!.GetValue<string>(), notification["payload"]!.GetValue<string>());
    }

    [Fact]
    public void Sign_MatchesThePublishedHmacSha256Vector_OverTimestampThenPayload() =>
        Assert.Equal(RfcSignature, UspsWebhookSignature.Sign(RfcKey, "what do ya want ", "for nothing?"));

    [Fact]
    public void Verify_AcceptsThePublishedVector() =>
        Assert.True(UspsWebhookSignature.Verify(RfcKey, Body("what do ya want ", "for nothing?"), RfcSignature));

    [Fact]
    public void Verify_RefusesTheFieldsInTheOtherOrder() =>
        Assert.False(UspsWebhookSignature.Verify(RfcKey, Body("for nothing?", "what do ya want "), RfcSignature));

    [Theory]
    [MemberData(nameof(SpecExamples.Notifications), MemberType = typeof(SpecExamples))]
    public void Verify_AcceptsTheSpecsExample_SignedWithTheSubscriptionsSecret(string example) =>
        Assert.True(UspsWebhookSignature.Verify(SpecExamples.SubscriptionSecret, SpecBody(example), SpecSignature(example)));

    [Fact]
    public void Verify_SignsTheDecodedFieldValues_NotTheRawBody()
    {
        var body = SpecBody();
        var overTheBody = Convert.ToBase64String(Carriers.Webhooks.WebhookSignature.HmacSha256(SpecExamples.SubscriptionSecret, body));

        Assert.False(UspsWebhookSignature.Verify(SpecExamples.SubscriptionSecret, body, overTheBody));
    }

    [Fact]
    public void Verify_IgnoresFieldsOutsideTheSignature()
    {
        var notification = SpecExamples.Notification("scanEvent");
        notification["subscriptionId"] = "another";

        Assert.True(UspsWebhookSignature.Verify(SpecExamples.SubscriptionSecret, Encoding.UTF8.GetBytes(notification.ToJsonString()), SpecSignature()));
    }

    [Fact]
    public void Verify_RefusesAnotherSecret() =>
        Assert.False(UspsWebhookSignature.Verify("AnotherSecretKeyPhraseOf32Bytes!", SpecBody(), SpecSignature()));

    [Theory]
    [InlineData("payload")]
    [InlineData("timestamp")]
    public void Verify_RefusesAChangedSignedField(string field)
    {
        var notification = SpecExamples.Notification("scanEvent");
        notification[field] = notification[field]!.GetValue<string>().Replace("1", "2", StringComparison.Ordinal);

        Assert.False(UspsWebhookSignature.Verify(SpecExamples.SubscriptionSecret, Encoding.UTF8.GetBytes(notification.ToJsonString()), SpecSignature()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM")] // cut short
    [InlineData("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEMAAAA=")] // too long
    public void Verify_RefusesAMissingOrMalformedSignature(string? header) =>
        Assert.False(UspsWebhookSignature.Verify(RfcKey, Body("what do ya want ", "for nothing?"), header));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Verify_WithoutASecret_RefusesEverything(string? secret) =>
        Assert.False(UspsWebhookSignature.Verify(secret, Body("t", "p"), UspsWebhookSignature.Sign("", "t", "p")));

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"timestamp":"what do ya want "}""")]
    [InlineData("""{"timestamp":"what do ya want ","payload":{"trackingNumber":"1"}}""")]
    public void Verify_RefusesABodyWithoutTheSignedStrings(string body) =>
        Assert.False(UspsWebhookSignature.Verify(RfcKey, Encoding.UTF8.GetBytes(body), RfcSignature));

    [Fact]
    public void Verify_ReadsEscapedCharactersBeforeSigning()
    {
        // "\u0020" in the JSON is the space the sender signed.
        var body = Encoding.UTF8.GetBytes("""{"timestamp":"what do ya want\u0020","payload":"for nothing?"}""");

        Assert.True(UspsWebhookSignature.Verify(RfcKey, body, RfcSignature));
    }
}
