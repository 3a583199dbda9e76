using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Contracts.Api;
using Shipping.Testing;
using Shipping.Web.Console;
using Shipping.Web.Tests.Infrastructure;

namespace Shipping.Web.Tests.Console;

/// <summary>
/// The agent pages over HTTP, on Timeline, Notifications (fake Twilio) and the Simulator: search, the order page and its
/// one timeline, each action, the dashboard and the local outbox; tenant scoping, admin-only actions, anti-forgery and
/// the audit log.
/// </summary>
[Collection(ConsolePlatformCollection.Name)]
public sealed partial class ConsolePagesTests(ConsolePlatformFixture platform)
{
    private static readonly DateTimeOffset ScanTime = DateTimeOffset.UtcNow.AddHours(-2);

    private static string OrderPath(string order, string tenant = "acme") => $"/console/{tenant}/orders/{order}";

    /// <summary>+4915112345678 as Germans write it at home: 0151 1234 5678.</summary>
    private static string National(string e164) => $"0{e164[3..6]} {e164[6..10]} {e164[10..]}";

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync(ConsoleAccount account) =>
        await platform.Web.Services.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(AgentId: account.AgentId.ToString()));

    /// <summary>A page's text with Razor's character references decoded (<c>&amp;#x2B;49</c> is +49).</summary>
    private static async Task<string> PageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    private static async Task<string> TextOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, IDictionary<string, string> fields, string page) =>
        ConsoleSignIn.PostFormAsync(client, $"{path}?handler={handler}", fields, page);

    private async Task<(string Order, string Tracking, string Phone)> OrderAsync(string apiKey = ConsolePlatformFixture.AcmeKey)
    {
        var (order, tracking, phone) = (ConsolePlatformFixture.NewOrderNumber(), ConsolePlatformFixture.NewTrackingNumber(), ConsolePlatformFixture.NewPhone());
        await platform.RegisterOrderAsync(order, tracking, phone, apiKey);
        return (order, tracking, phone);
    }

    [Fact]
    public async Task Search_ByAPhoneWrittenNationally_FindsTheOrder_ShowsTheContactMasked_AndIsAudited()
    {
        var (order, _, phone) = await OrderAsync();
        var (client, agent) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");

        var response = await ConsoleSignIn.PostFormAsync(client, "/console", new Dictionary<string, string> { ["Tenant"] = "acme", ["Query"] = National(phone) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextOf(response);
        Assert.Contains($"href=\"{OrderPath(order)}\"", html);
        Assert.Contains($"+49 *** **{phone[^2..]}", html);
        Assert.DoesNotContain(phone, html);
        var entry = Assert.Single(await AuditAsync(agent), e => e.Action == ConsoleActions.Searched);
        Assert.Equal("acme", entry.Tenant);
        Assert.Equal("Anna Agent", entry.AgentName);
        Assert.Equal("1 order(s) found", entry.Detail);
    }

    [Fact]
    public async Task Search_WithoutTheAntiforgeryToken_IsRefused_AndFindsNothing()
    {
        var (order, _, _) = await OrderAsync();
        var (client, agent) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");

        var response = await client.PostAsync("/console", new FormUrlEncodedContent(new Dictionary<string, string> { ["Tenant"] = "acme", ["Query"] = order }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(order, await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await AuditAsync(agent), e => e.Action == ConsoleActions.Searched);
    }

    [Fact]
    public async Task Search_InABrandTheAgentDoesNotWorkFor_IsRefused()
    {
        var (order, _, _) = await OrderAsync(ConsolePlatformFixture.GlobexKey);
        var (client, agent) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");

        var response = await ConsoleSignIn.PostFormAsync(client, "/console", new Dictionary<string, string> { ["Tenant"] = "globex", ["Query"] = order });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Choose a brand you work for.", html);
        Assert.DoesNotContain($"href=\"{OrderPath(order, "globex")}\"", html);
        Assert.DoesNotContain(await AuditAsync(agent), e => e.Action == ConsoleActions.Searched);
    }

    [Fact]
    public async Task Console_WithoutSigningIn_SendsToTheSignIn()
    {
        var (order, _, _) = await OrderAsync();
        using var client = ConsoleSignIn.NewClient(platform.WebAddress);

        foreach (var path in new[] { "/console", OrderPath(order), "/console/dashboard?tenant=acme", "/console/outbox?tenant=acme" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/console/signin", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task OrderPage_ShowsTheCustomer_TheParcel_AndOneTimeline_WithTheScanAndTheAlertOnceWithItsNewestStatus()
    {
        var (order, tracking, phone) = await OrderAsync();
        var alert = await platform.DelayWithSmsAsync(order, tracking, ScanTime);
        await platform.TwilioStatusAsync(alert, phone, "sent");
        await platform.TwilioStatusAsync(alert, phone, "delivered");
        await ConsolePlatformFixture.UntilAsync(async () => (await platform.AlertsAsync(order)).Single().State == "Delivered", "the delivered status in the message log");
        var (client, agent) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");

        var response = await client.GetAsync(OrderPath(order));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Erika Mustermann", html);
        Assert.Contains(phone, html);
        Assert.Contains("erika@example.com", html);
        Assert.Contains("Musterstraße 1, 10115 Berlin, DE", html);
        Assert.Contains("(times below: Europe/Berlin)", html);
        Assert.Contains($"simulator {tracking}", html);
        Assert.Contains("LateCarrierEstimate", html); // the delay, on the parcel and on the timeline

        var timeline = Timeline(html);
        var scan = Assert.Single(timeline, e => e.Kind == "CarrierScan");
        Assert.Contains("<code>IN_TRANSIT</code>", scan.Html);
        Assert.Contains("IN_TRANSIT at the Leipzig hub", scan.Html);
        Assert.Contains("by carrier", scan.Html);
        Assert.Contains(ConsoleTimes.Show(ScanTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")), scan.Html);
        var sent = Assert.Single(timeline, e => e.Kind == "AlertSent");
        Assert.Contains("Status: <strong>Delivered</strong>", sent.Html);
        Assert.Contains(alert.Text!, sent.Html);
        Assert.DoesNotContain(timeline, e => e.Kind == "AlertStatus");
        Assert.Contains(timeline, e => e.Kind == "Delay");
        Assert.Equal(timeline.Select(e => e.At).OrderByDescending(t => t), timeline.Select(e => e.At)); // newest first

        var viewed = Assert.Single(await AuditAsync(agent), e => e.Action == ConsoleActions.OrderViewed);
        Assert.Equal(order, viewed.OrderNumber);
        Assert.DoesNotContain(phone, viewed.Detail ?? "");
    }

    [Fact]
    public async Task OrderOfAnotherBrand_IsNotFound_ForItsAgents_ButAnAdminSeesIt()
    {
        var (order, _, _) = await OrderAsync(ConsolePlatformFixture.GlobexKey);
        var (agent, account) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");
        var (admin, _) = await platform.SignedInAsync("Ada Admin", ConsoleAuth.RoleAdmin);

        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync(OrderPath(order, "globex"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync(OrderPath(order, "acme"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/console/dashboard?tenant=globex")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/console/outbox?tenant=globex")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(OrderPath(order, "globex"))).StatusCode);
        Assert.DoesNotContain(await AuditAsync(account), e => e.Action == ConsoleActions.OrderViewed);
    }

    [Fact]
    public async Task Note_ShowsOnTheTimeline_ByTheAgent_AndTheAuditHoldsNotItsText()
    {
        var (order, _, _) = await OrderAsync();
        var (client, agent) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");
        var page = await client.GetStringAsync(OrderPath(order));

        var response = await PostAsync(client, OrderPath(order), "Note", new Dictionary<string, string> { ["text"] = "Customer called, asked for Friday." }, page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{OrderPath(order)}?done=note", response.Headers.Location!.OriginalString);
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location.OriginalString));
        Assert.Contains("The note was added to the timeline.", after);
        var note = Assert.Single(Timeline(after), e => e.Kind == "AgentNote");
        Assert.Contains("Customer called, asked for Friday.", note.Html);
        Assert.Contains("by agent:Anna Agent", note.Html);
        var added = Assert.Single(await AuditAsync(agent), e => e.Action == ConsoleActions.NoteAdded);
        Assert.DoesNotContain("Friday", added.Detail!);
    }

    [Fact]
    public async Task EmptyNote_IsRefused_WithAMessage()
    {
        var (order, _, _) = await OrderAsync();
        var (client, _) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");
        var page = await client.GetStringAsync(OrderPath(order));

        var response = await PostAsync(client, OrderPath(order), "Note", new Dictionary<string, string> { ["text"] = "   " }, page);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A note needs some text", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Resend_SendsTheAlertAgain_ThroughTwilio_AndIsAudited()
    {
        var (order, tracking, phone) = await OrderAsync();
        var alert = await platform.DelayWithSmsAsync(order, tracking, ScanTime);
        var (client, agent) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");
        var page = await client.GetStringAsync(OrderPath(order));

        var response = await PostAsync(client, OrderPath(order), "Resend", new Dictionary<string, string> { ["alertId"] = alert.AlertId.ToString(), ["channel"] = "" }, page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await Eventually.Until(() => platform.Twilio.Accepted.Count(f => f.Any(x => x.Key == "To" && x.Value == phone)) == 2, "the second SMS");
        var log = await Eventually.Get(platform.AlertLog(order), a => a?.Count == 2, "the resent alert in the log");
        Assert.Equal(alert.AlertId, log.Single(a => a.ResendOf is not null).ResendOf);
        var resent = Assert.Single(await AuditAsync(agent), e => e.Action == ConsoleActions.AlertResent);
        Assert.StartsWith($"alert {alert.AlertId} resent as", resent.Detail);
    }

    [Fact]
    public async Task Resend_OfAnotherOrdersAlert_IsNotFound()
    {
        var (order, tracking, _) = await OrderAsync();
        var alert = await platform.DelayWithSmsAsync(order, tracking, ScanTime);
        var (other, _, _) = await OrderAsync();
        var (client, _) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");
        var page = await client.GetStringAsync(OrderPath(other));

        var response = await PostAsync(client, OrderPath(other), "Resend", new Dictionary<string, string> { ["alertId"] = alert.AlertId.ToString() }, page);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single(await platform.AlertsAsync(order));
    }

    [Fact]
    public async Task DeliveryChange_AskedForTheCustomer_ShowsOnTheTimeline_AsAskedByTheAgent()
    {
        var (order, _, _) = await OrderAsync();
        var (client, agent) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");
        var page = await client.GetStringAsync(OrderPath(order));
        var shipment = ShipmentIdIn(page);

        var response = await PostAsync(client, OrderPath(order), "Change", new Dictionary<string, string>
        {
            ["ShipmentId"] = shipment, ["Kind"] = "Neighbour", ["NeighbourName"] = "Max Nachbar", ["NeighbourHouseNumber"] = "3a",
        }, page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await Eventually.Get(
            async () => WebUtility.HtmlDecode(await client.GetStringAsync(OrderPath(order))),
            html => html is not null && Timeline(html).Any(e => e.Kind == "DeliveryChangeRequested"), "the request on the timeline");
        var requested = Timeline(after).Single(e => e.Kind == "DeliveryChangeRequested");
        Assert.Contains("by agent:Anna Agent", requested.Html);
        Assert.Contains("Neighbour", requested.Html);
        var audited = Assert.Single(await AuditAsync(agent), e => e.Action == ConsoleActions.DeliveryChangeRequested);
        Assert.Contains("Neighbour", audited.Detail);
        Assert.DoesNotContain("Nachbar", audited.Detail);
    }

    [Fact]
    public async Task DeliveryChange_OnceOutForDelivery_IsRefused_AndNothingIsAsked()
    {
        var (order, tracking, _) = await OrderAsync();
        await platform.ScanAsync(order, tracking, "OUT_FOR_DELIVERY", ScanTime);
        var (client, _) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");
        var page = await Eventually.Get(async () => await client.GetStringAsync(OrderPath(order)), html => html?.Contains("OutForDelivery") == true, "out for delivery");

        var response = await PostAsync(client, OrderPath(order), "Change", new Dictionary<string, string>
        {
            ["ShipmentId"] = ShipmentIdIn(page), ["Kind"] = "SafePlace", ["SafePlace"] = "Behind the shed",
        }, page);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("The carrier no longer allows this change", await response.Content.ReadAsStringAsync());
        await Task.Delay(500);
        Assert.DoesNotContain(Timeline(await client.GetStringAsync(OrderPath(order))), e => e.Kind == "DeliveryChangeRequested");
    }

    [Fact]
    public async Task ExportAndErase_AreForAdminsOnly()
    {
        var (order, _, _) = await OrderAsync();
        var (agent, _) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");
        var page = await agent.GetStringAsync(OrderPath(order));

        Assert.DoesNotContain("Export as JSON", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(agent, OrderPath(order), "Export", new Dictionary<string, string>(), page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(agent, OrderPath(order), "Erase", new Dictionary<string, string> { ["confirmation"] = order }, page)).StatusCode);
        Assert.Contains("Erika Mustermann", await agent.GetStringAsync(OrderPath(order)));
    }

    [Fact]
    public async Task Export_DownloadsTheCustomersData_AsJson_AndIsAudited()
    {
        var (order, _, phone) = await OrderAsync();
        var (admin, account) = await platform.SignedInAsync("Ada Admin", ConsoleAuth.RoleAdmin);
        var page = await admin.GetStringAsync(OrderPath(order));

        var response = await PostAsync(admin, OrderPath(order), "Export", new Dictionary<string, string>(), page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var export = JsonSerializer.Deserialize<CustomerDataExport>(await response.Content.ReadAsStringAsync(), ConsolePlatformFixture.Json)!;
        var exported = Assert.Single(export.Orders);
        Assert.Equal(order, exported.OrderNumber);
        Assert.Equal(phone, exported.Customer.Phone);
        var entry = Assert.Single(await AuditAsync(account), e => e.Action == ConsoleActions.Exported);
        Assert.Equal(order, entry.OrderNumber);
    }

    [Fact]
    public async Task Erase_AsksForConfirmationFirst_ThenErases()
    {
        var (order, _, phone) = await OrderAsync();
        var (admin, account) = await platform.SignedInAsync("Ada Admin", ConsoleAuth.RoleAdmin);
        var page = await admin.GetStringAsync(OrderPath(order));

        var first = await PostAsync(admin, OrderPath(order), "Erase", new Dictionary<string, string>(), page);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var confirm = await first.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"erase-confirmation\"", confirm);
        var wrong = await PostAsync(admin, OrderPath(order), "Erase", new Dictionary<string, string> { ["confirmation"] = "something else" }, confirm);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains(phone, await PageAsync(admin, OrderPath(order)));
        Assert.DoesNotContain(await AuditAsync(account), e => e.Action == ConsoleActions.Erased);

        var erased = await PostAsync(admin, OrderPath(order), "Erase", new Dictionary<string, string> { ["confirmation"] = order }, confirm);

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Contains("personal data was erased", await erased.Content.ReadAsStringAsync());
        await ConsolePlatformFixture.UntilAsync(async () => !(await PageAsync(admin, OrderPath(order))).Contains(phone, StringComparison.Ordinal), "the erased order page");
        Assert.Single(await AuditAsync(account), e => e.Action == ConsoleActions.Erased);
    }

    [Fact]
    public async Task AsOf_ShowsTheParcelAsItStoodThen_ReadInTheChosenZone()
    {
        var (order, tracking, _) = await OrderAsync();
        await platform.ScanAsync(order, tracking, "IN_TRANSIT", ScanTime);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await platform.ScanAsync(order, tracking, "OUT_FOR_DELIVERY", ScanTime.AddMinutes(30));
        var (client, agent) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");
        var page = await client.GetStringAsync(OrderPath(order));
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        var response = await ConsoleSignIn.PostFormAsync(client, OrderPath(order) + "/as-of", new Dictionary<string, string>
        {
            ["ShipmentId"] = ShipmentIdIn(page),
            ["At"] = TimeZoneInfo.ConvertTime(between, tokyo).ToString("yyyy-MM-ddTHH:mm:ss"),
            ["Zone"] = "Asia/Tokyo",
        }, page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextOf(response);
        Assert.Contains("data-testid=\"as-of-status\">InTransit", html);
        Assert.Contains("+09:00", html);
        Assert.Single(await AuditAsync(agent), e => e.Action == ConsoleActions.AsOfViewed);
    }

    [Fact]
    public async Task AsOf_WithAnUnknownZone_SaysSo()
    {
        var (order, _, _) = await OrderAsync();
        var (client, _) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");
        var page = await client.GetStringAsync(OrderPath(order));

        var response = await ConsoleSignIn.PostFormAsync(client, OrderPath(order) + "/as-of",
            new Dictionary<string, string> { ["ShipmentId"] = ShipmentIdIn(page), ["At"] = "2026-11-20T10:00", ["Zone"] = "Mars/Olympus" }, page);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Name a time zone", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dashboard_DrawsEachChartAsSvg_WithATitleAndATable_AndNoInlineStyle()
    {
        var (order, tracking, _) = await OrderAsync();
        await platform.DelayWithSmsAsync(order, tracking, ScanTime);
        var (client, _) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

        var html = await Eventually.Get(
            async () => await (await client.GetAsync($"/console/dashboard?tenant=acme&from={today}&to={today}")).Content.ReadAsStringAsync(),
            h => h is not null && AlertsSent(h) > 0, "the alert in the dashboard's figures");

        foreach (var chart in new[] { "rates", "delays", "alerts-by-channel", "deliveries", "alert-volume" })
        {
            Assert.Contains($"data-testid=\"chart-{chart}\"", html);
        }

        Assert.Matches("<svg[^>]*role=\"img\"[^>]*aria-labelledby=", html);
        Assert.Contains("<title id=\"chart-delays-svg-title\">Delays by carrier and reason</title>", html);
        Assert.Contains("simulator: LateCarrierEstimate", html);
        Assert.Contains("<table", html);
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task Dashboard_WithFromAfterTo_SaysSo()
    {
        var (client, _) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");

        var response = await client.GetAsync("/console/dashboard?tenant=acme&from=2026-11-30&to=2026-11-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from must not be after to.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Outbox_ShowsTheEmailsThatWouldHaveBeenSent_AndIsAudited()
    {
        // No SMTP server is configured in these tests: emails stay in Notifications' local outbox.
        var (order, tracking) = (ConsolePlatformFixture.NewOrderNumber(), ConsolePlatformFixture.NewTrackingNumber());
        var email = $"outbox-{Guid.NewGuid():N}@example.com";
        await platform.RegisterOrderAsync(order, tracking, phone: null, email: email);
        await platform.ScanAsync(order, tracking, "IN_TRANSIT", ScanTime, estimate: ConsolePlatformFixture.Day(6));
        var (client, agent) = await platform.SignedInAsync("Anna Agent", ConsoleAuth.RoleAgent, "acme");

        var html = await Eventually.Get(async () => await PageAsync(client, "/console/outbox?tenant=acme"), h => h?.Contains(email) == true, "the email in the outbox");

        Assert.Contains($"href=\"{OrderPath(order)}\"", html);
        Assert.Contains(tracking, html);
        Assert.Contains(await AuditAsync(agent), e => e.Action == ConsoleActions.OutboxViewed && e.Tenant == "acme");
    }

    [Fact]
    public async Task ConsolePages_LoadNoScript_AndEveryPostFormCarriesAnAntiforgeryToken()
    {
        var (order, tracking, _) = await OrderAsync();
        await platform.DelayWithSmsAsync(order, tracking, ScanTime);
        var (client, _) = await platform.SignedInAsync("Ada Admin", ConsoleAuth.RoleAdmin);

        foreach (var path in new[] { "/console", OrderPath(order), "/console/outbox?tenant=acme" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain("style=", html);
            var forms = PostForm().Matches(html);
            Assert.NotEmpty(forms);
            Assert.All(forms, form => Assert.Contains("name=\"__af\"", form.Value));
        }
    }

    private static int AlertsSent(string html) =>
        AlertsSentFigure().Match(html) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    private static string ShipmentIdIn(string html) => ShipmentField().Match(html).Groups[1].Value;

    /// <summary>The order page's timeline entries, in page order.</summary>
    private static List<(string Kind, DateTimeOffset At, string Html)> Timeline(string html)
    {
        html = WebUtility.HtmlDecode(html);
        var list = TimelineList().Match(html);
        Assert.True(list.Success, "the page has a timeline");
        return TimelineEntry().Matches(list.Value)
            .Select(m => (m.Groups[1].Value, DateTimeOffset.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), m.Value))
            .ToList();
    }

    [GeneratedRegex("<ol class=\"timeline\" data-testid=\"timeline\">.*?</ol>\\s*</section>", RegexOptions.Singleline)]
    private static partial Regex TimelineList();

    [GeneratedRegex("<li class=\"entry kind-\\w+\" data-kind=\"(\\w+)\">\\s*<p class=\"entry-head\">\\s*<time datetime=\"([^\"]+)\">.*?(?=<li class=\"entry kind-|</ol>\\s*</section>|\\z)", RegexOptions.Singleline)]
    private static partial Regex TimelineEntry();

    [GeneratedRegex("name=\"ShipmentId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex ShipmentField();

    [GeneratedRegex("<form[^>]*method=\"post\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex PostForm();

    [GeneratedRegex("data-testid=\"alerts-sent\">(\\d+)<")]
    private static partial Regex AlertsSentFigure();
}
