using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Shipping.Contracts.Api;
using Shipping.ServiceDefaults;
using Shipping.Testing;
using Shipping.Web.Tests.Accessibility;
using Shipping.Web.Tests.Infrastructure;

namespace Shipping.Web.Tests;

/// <summary>
/// The "Notifications" section of the tracking page: the customer turns SMS and email updates on or off, saved in
/// Notifications (real Web, Timeline and Notifications hosts) with the consent recorded; SMS on only with consent.
/// </summary>
[Collection(ConsolePlatformCollection.Name)]
public sealed partial class TrackingPreferencesTests(ConsolePlatformFixture platform)
{
    private readonly TrackingLinks _links = new(ConsolePlatformFixture.LinkKey);

    [Theory]
    [InlineData("en", "Notifications", "Delivery updates by SMS to", "Save preferences")]
    [InlineData("de", "Benachrichtigungen", "Zustellinformationen per SMS an", "Einstellungen speichern")]
    public async Task Section_ShowsTheCurrentState_InBothLanguages_WithoutAccessibilityProblems(string language, string title, string sms, string save)
    {
        var order = await NewOrderAsync(ConsolePlatformFixture.NewPhone());

        var html = await Client().GetStringAsync($"{LinkFor(order)}?lang={language}");

        var text = WebUtility.HtmlDecode(html);
        Assert.Contains($"<h2 id=\"notifications-title\">{title}</h2>", text);
        Assert.Contains(sms, text);
        Assert.Contains(save, text);
        Assert.Matches(CheckedBox("Sms"), html);
        Assert.Matches(CheckedBox("Email"), html);
        // SMS is on already: no consent to give.
        Assert.DoesNotContain("name=\"SmsConsent\"", html);
        Assert.Empty(AccessibilityAudit.Problems(html, language));
    }

    [Fact]
    public async Task TurningSmsOff_IsSaved_WithTheTrackingPageInTheConsentHistory()
    {
        var order = await NewOrderAsync(ConsolePlatformFixture.NewPhone());
        var before = await PreferencesAsync(order);
        Assert.True(before.Sms);

        var link = LinkFor(order);
        var posted = await PostAsync(link, new() { ["Email"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"{link}?preferences=Saved#notifications", posted.Headers.Location?.OriginalString);
        var after = await PreferencesAsync(order);
        Assert.False(after.Sms);
        Assert.True(after.Email);
        var change = Assert.Single(after.ConsentHistory.Skip(before.ConsentHistory.Count));
        Assert.Equal("sms:off", change.What);
        Assert.Contains("tracking page", change.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", change.Source, StringComparison.Ordinal);

        var page = await Client().GetStringAsync($"{link}?preferences=Saved&lang=en");
        Assert.Contains("data-testid=\"preferences-saved\"", page);
        Assert.DoesNotMatch(CheckedBox("Sms"), page);
        Assert.Contains("name=\"SmsConsent\"", page);
    }

    [Fact]
    public async Task TurningEmailOff_IsSaved_AndSmsIsLeftAsItWas()
    {
        var order = await NewOrderAsync(ConsolePlatformFixture.NewPhone());

        var posted = await PostAsync(LinkFor(order), new() { ["Sms"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await PreferencesAsync(order);
        Assert.False(after.Email);
        Assert.True(after.Sms);
        Assert.Equal("email:off", after.ConsentHistory[^1].What);
        Assert.DoesNotMatch(CheckedBox("Email"), await Client().GetStringAsync(LinkFor(order)));
    }

    [Fact]
    public async Task SmsOnWithoutConsent_IsRefused_AndChangesNothing()
    {
        var order = await NewOrderAsync(ConsolePlatformFixture.NewPhone());
        await PostAsync(LinkFor(order), new() { ["Email"] = "true" });
        var before = await PreferencesAsync(order);
        Assert.False(before.Sms);

        // SMS on and email off, the consent box not ticked: neither is changed.
        var posted = await PostAsync(LinkFor(order), new() { ["Sms"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("preferences=ConsentMissing", posted.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var after = await PreferencesAsync(order);
        Assert.False(after.Sms);
        Assert.True(after.Email);
        Assert.Equal(before.ConsentHistory.Count, after.ConsentHistory.Count);
        var page = WebUtility.HtmlDecode(await Client().GetStringAsync($"{LinkFor(order)}?preferences=ConsentMissing&lang=en"));
        Assert.Contains("To receive SMS, please tick the box to agree to SMS updates. Nothing was changed.", page);
    }

    [Fact]
    public async Task AfterStop_ThePageSaysSoAndSmsCanBeTurnedOnAgainWithConsent()
    {
        var phone = ConsolePlatformFixture.NewPhone();
        var order = await NewOrderAsync(phone);
        await platform.InboundSmsAsync(phone, "STOP");
        await ConsolePlatformFixture.UntilAsync(async () => (await PreferencesAsync(order)).SmsUnsubscribed, "the STOP recorded");

        var page = await Client().GetStringAsync($"{LinkFor(order)}?lang=en");
        Assert.Contains("data-testid=\"sms-unsubscribed\"", page);
        Assert.DoesNotMatch(CheckedBox("Sms"), page);
        Assert.Contains("name=\"SmsConsent\"", page);
        Assert.Contains("aria-describedby=\"pref-sms-stopped\"", page);
        Assert.Empty(AccessibilityAudit.Problems(page, "en"));

        var posted = await PostAsync(LinkFor(order), new() { ["Sms"] = "true", ["SmsConsent"] = "true", ["Email"] = "true" });

        Assert.Contains("preferences=Saved", posted.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var after = await PreferencesAsync(order);
        Assert.True(after.Sms);
        Assert.False(after.SmsUnsubscribed);
        Assert.Equal("sms:on", after.ConsentHistory[^1].What);
        Assert.Contains("tracking page", after.ConsentHistory[^1].Source, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"sms-unsubscribed\"", await Client().GetStringAsync(LinkFor(order)));
    }

    [Fact]
    public async Task PostWithoutTheAntiforgeryToken_IsRefused()
    {
        var order = await NewOrderAsync(ConsolePlatformFixture.NewPhone());
        var before = await PreferencesAsync(order);

        var posted = await Client().PostAsync(
            LinkFor(order) + "?handler=Preferences", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "true" }));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var after = await PreferencesAsync(order);
        Assert.True(after.Sms);
        Assert.Equal(before.ConsentHistory.Count, after.ConsentHistory.Count);
    }

    [Fact]
    public async Task AnotherOrdersLink_CannotChangeThisOrdersPreferences()
    {
        var order = await NewOrderAsync(ConsolePlatformFixture.NewPhone());
        var other = await NewOrderAsync(ConsolePlatformFixture.NewPhone());
        var before = await PreferencesAsync(order);

        // The other order's link, this order's number slipped into the form: only the link's order counts.
        var posted = await PostAsync(LinkFor(other), new() { ["Email"] = "true", ["OrderNumber"] = order });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.False((await PreferencesAsync(other)).Sms);
        var after = await PreferencesAsync(order);
        Assert.True(after.Sms);
        Assert.Equal(before.ConsentHistory.Count, after.ConsentHistory.Count);
    }

    [Fact]
    public async Task OrderWithoutPhone_OffersOnlyEmail()
    {
        var order = await NewOrderAsync(phone: null);

        var html = await Client().GetStringAsync($"{LinkFor(order)}?lang=en");

        Assert.Contains("id=\"notifications\"", html);
        Assert.DoesNotContain("name=\"Sms\"", html);
        Assert.Matches(CheckedBox("Email"), html);

        // A posted SMS box is ignored: the page did not offer it.
        await PostAsync(LinkFor(order), new() { ["Sms"] = "true", ["SmsConsent"] = "true", ["Email"] = "true" });
        Assert.False((await PreferencesAsync(order)).Sms);
    }

    private string LinkFor(string orderNumber) => $"/t/{_links.Create("acme", orderNumber, DateTimeOffset.UtcNow.AddDays(7))}";

    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = platform.WebAddress };

    /// <summary>A new acme order whose customer Notifications knows (so the section can be shown).</summary>
    private async Task<string> NewOrderAsync(string? phone)
    {
        var order = ConsolePlatformFixture.NewOrderNumber();
        await platform.RegisterOrderAsync(order, ConsolePlatformFixture.NewTrackingNumber(), phone);
        await Eventually.Get(async () => await TryPreferencesAsync(order), p => p is not null, $"Notifications to know the customer of {order}");
        return order;
    }

    /// <summary>Posts the preferences form of <paramref name="link"/> as the page renders it (anti-forgery cookie and field).</summary>
    private async Task<HttpResponseMessage> PostAsync(string link, Dictionary<string, string> fields)
    {
        var client = Client();
        var form = await client.GetAsync(link);
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("action=\"" + link + "?handler=Preferences\"", html);
        fields["__af"] = AntiforgeryField().Match(html).Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, link + "?handler=Preferences") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("__shipping-af", StringComparison.Ordinal)).Split(';')[0]);
        return await client.SendAsync(request);
    }

    /// <summary>The order's preferences, read back through Notifications' API.</summary>
    private async Task<ContactPreferences> PreferencesAsync(string order) =>
        await TryPreferencesAsync(order) ?? throw new InvalidOperationException($"Notifications knows no customer for {order}");

    private async Task<ContactPreferences?> TryPreferencesAsync(string order)
    {
        var client = platform.Notifications.CreateClient();
        client.DefaultRequestHeaders.Add(INotificationsApi.ServiceKeyHeader, ConsolePlatformFixture.ServiceKey);
        client.DefaultRequestHeaders.Add(INotificationsApi.TenantHeader, "acme");
        var response = await client.GetAsync($"/api/notifications/orders/{order}/preferences");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ContactPreferences>(ConsolePlatformFixture.Json);
    }

    private static Regex CheckedBox(string name) => new($"<input type=\"checkbox\" id=\"[^\"]+\" name=\"{name}\" value=\"true\" checked=\"checked\"");

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
