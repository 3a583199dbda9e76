using System.Text.Json.Nodes;
using Shipping.Testing;

namespace Shipping.Carriers.Usps.Tests;

/// <summary>The examples embedded in USPS's subscriptions spec (<c>components.examples</c>), read from the spec itself.</summary>
public static class SpecExamples
{
    private static readonly JsonNode Subscriptions = SpecFiles.ReadYamlAsJson("usps/subscriptions-tracking-v3r2_1.yaml");

    private static readonly JsonNode Tracking = SpecFiles.ReadYamlAsJson("usps/tracking-v3r2_4.yaml");

    /// <summary>Names of the two notification examples ("Tracking Subscription Event", "Detailed Scan Subscription Event").</summary>
    public static TheoryData<string> Notifications => ["scanEvent", "detailedScanEvent"];

    /// <summary>A notification example's body, exactly as the spec gives it: <c>payload</c> still has its quotes escaped.</summary>
    public static JsonObject Notification(string name) => Subscriptions["components"]!["examples"]![name]!["value"]!.DeepClone().AsObject();

    /// <summary>The <c>payload</c> example written on the notification schema itself (scanEventEx / detailedScanEventEx).</summary>
    public static string SchemaPayloadExample(string schema) =>
        Subscriptions["components"]!["schemas"]![schema]!["properties"]!["payload"]!["example"]!.GetValue<string>();

    /// <summary>The secret of the spec's subscription request examples (32 characters, as the schema demands).</summary>
    public static string SubscriptionSecret => Subscriptions["components"]!["examples"]!["Subscription"]!["value"]!["secret"]!.GetValue<string>();

    /// <summary>A notification's payload as USPS means it to be sent: the tracking detail as a JSON string.</summary>
    public static string Payload(string name) =>
        System.Text.Json.JsonSerializer.Deserialize<string>($"\"{Notification(name)["payload"]!.GetValue<string>().Trim()}\"")!;

    /// <summary>The field examples of one tracking event property in Tracking v3r2 (<c>components.schemas.TrackingEvent</c>).</summary>
    public static string TrackingEventExample(string property) =>
        Tracking["components"]!["schemas"]!["TrackingEvent"]!["properties"]![property]!["example"]!.GetValue<string>();

    /// <summary>An example of a named schema in Tracking v3r2 (EventDate, EventDateTime).</summary>
    public static string TrackingSchemaExample(string schema) => Tracking["components"]!["schemas"]![schema]!["example"]!.GetValue<string>();
}
