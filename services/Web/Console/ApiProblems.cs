using System.Net;
using System.Text.Json;
using Refit;

namespace Shipping.Web.Console;

/// <summary>Turns what Timeline or Notifications answered (RFC 7807 problem details) into one readable sentence for the agent.</summary>
public static class ApiProblems
{
    /// <summary>The problem's title and detail, and each field's messages (<c>text: Required.</c>).</summary>
    public static string Describe(ApiException error, string service)
    {
        string? title = null, detail = null;
        var fields = new List<string>();
        if (!string.IsNullOrWhiteSpace(error.Content))
        {
            try
            {
                using var document = JsonDocument.Parse(error.Content);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    title = Text(root, "title");
                    detail = Text(root, "detail");
                    if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var field in errors.EnumerateObject())
                        {
                            var messages = field.Value.ValueKind == JsonValueKind.Array
                                ? field.Value.EnumerateArray().Select(m => m.ToString())
                                : [field.Value.ToString()];
                            fields.Add($"{field.Name}: {string.Join(" ", messages)}");
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Not problem details: the status says enough.
            }
        }

        var head = title ?? (error.StatusCode == HttpStatusCode.NotFound ? "Not found" : $"{service} answered {(int)error.StatusCode}");
        var parts = new[] { head, detail, fields.Count > 0 ? string.Join("; ", fields) : null }.Where(p => !string.IsNullOrWhiteSpace(p));
        return $"{service}: {string.Join(" – ", parts)}";
    }

    public static string Unreachable(string service) => $"{service} could not be reached; try again in a moment.";

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
