using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Shipping.Testing;

/// <summary>
/// Twilio's Messages API faked at the HTTP level (a real server): checks HTTP Basic authentication with the account SID
/// and auth token like Twilio, answers a create with Twilio's own example resource from the spec (201), or with Twilio's
/// error body (<c>{"code","message","more_info","status"}</c>) when a test queues one. Point the service at it with
/// <c>Twilio:BaseUrl = twilio.BaseUrl</c>.
/// </summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    public const string SpecFile = "twilio/twilio_api_v2010.json";

    private readonly FakeCarrierServer _server;
    private readonly ConcurrentQueue<FakeResponse> _next = new();
    private int _created;

    private FakeTwilio(FakeCarrierServer server, string accountSid, string authToken)
    {
        _server = server;
        AccountSid = accountSid;
        AuthToken = authToken;
    }

    public string AccountSid { get; }

    public string AuthToken { get; }

    public Uri BaseUrl => _server.BaseUrl;

    public string MessagesPath => $"/2010-04-01/Accounts/{AccountSid}/Messages.json";

    /// <summary>Every request to the Messages resource, authenticated or not.</summary>
    public IReadOnlyList<RecordedRequest> MessageRequests => _server.Requests.Where(r => r.Path == MessagesPath).ToList();

    /// <summary>The messages Twilio accepted (201), as their form fields in the order they were sent.</summary>
    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Accepted { get; private set; } = [];

    private readonly ConcurrentQueue<IReadOnlyList<KeyValuePair<string, string>>> _accepted = new();

    public static async Task<FakeTwilio> StartAsync(string accountSid = "AC" + "0123456789abcdef0123456789abcdef", string authToken = "fake-twilio-auth-token")
    {
        var server = await FakeCarrierServer.StartAsync();
        var twilio = new FakeTwilio(server, accountSid, authToken);
        server.On("POST", twilio.MessagesPath, twilio.Create);
        return twilio;
    }

    /// <summary>The next create is answered with this instead (e.g. <see cref="Error"/>).</summary>
    public void AnswerNextWith(FakeResponse response) => _next.Enqueue(response);

    /// <summary>Twilio's error body, e.g. 400 with code 21610 (the recipient opted out).</summary>
    public static FakeResponse Error(int status, int code, string message) => new(status,
        new JsonObject { ["code"] = code, ["message"] = message, ["more_info"] = $"https://www.twilio.com/docs/errors/{code}", ["status"] = status }.ToJsonString());

    /// <summary>The form of a recorded request, keys in their order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Form(RecordedRequest request) =>
        new FormReader(request.Body).ReadForm().SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v!))).ToList();

    /// <summary>Field names in the order they appear in the body.</summary>
    public static IReadOnlyList<string> FieldOrder(RecordedRequest request) =>
        request.Body.Split('&').Select(pair => Uri.UnescapeDataString(pair.Split('=')[0])).ToList();

    private FakeResponse Create(RecordedRequest request)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        if (request.Header("Authorization") != expected)
        {
            return Error(401, 20003, "Authenticate");
        }

        if (_next.TryDequeue(out var queued))
        {
            return queued;
        }

        var form = new FormReader(request.Body).ReadForm();
        if (!form.TryGetValue("To", out var to) || (!form.ContainsKey("From") && !form.ContainsKey("MessagingServiceSid")))
        {
            return Error(400, 21604, "A 'To' phone number and a 'From' or 'MessagingServiceSid' are required.");
        }

        // Twilio's own example answer from the spec, with this message's values.
        var example = JsonNode.Parse(SpecFiles.Read(SpecFile))!["paths"]!["/2010-04-01/Accounts/{AccountSid}/Messages.json"]!["post"]!
            ["responses"]!["201"]!["content"]!["application/json"]!["examples"]!["create"]!["value"]!.DeepClone();
        var number = Interlocked.Increment(ref _created);
        var sid = "SM" + number.ToString("x32", CultureInfo.InvariantCulture);
        example["sid"] = sid;
        example["account_sid"] = AccountSid;
        example["to"] = to.ToString();
        example["from"] = form.TryGetValue("From", out var from) ? from.ToString() : null;
        example["body"] = form.TryGetValue("Body", out var body) ? body.ToString() : "";
        example["status"] = "queued";
        example["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{sid}.json";
        _accepted.Enqueue(Form(request));
        Accepted = _accepted.ToList();
        return new FakeResponse(201, example.ToJsonString());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
