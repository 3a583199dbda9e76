using System.Text.Json;

namespace Shipping.Carriers.EasyPost.Webhooks;

/// <summary>
/// EasyPost's webhook body, an Event (examples: event-body.json, tracking-webhook.json). The result's type depends on
/// the description (a Tracker for <c>tracker.*</c>, a Batch, a Refund, … otherwise), so it is read only once the
/// description says it is a Tracker.
/// </summary>
public sealed record EasyPostEvent(string? Id, string? Object, string? Description, string? Mode, JsonElement Result, string? CreatedAt);
