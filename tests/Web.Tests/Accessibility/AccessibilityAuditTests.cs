namespace Shipping.Web.Tests.Accessibility;

public class AccessibilityAuditTests
{
    private const string Good = """
        <!DOCTYPE html><html lang="en"><head><title>Order 1001</title></head><body><main>
        <h1>Order 1001</h1>
        <form><label for="name">Name</label><input id="name" name="name">
        <label>Date <select name="date"><option>Mon</option></select></label>
        <fieldset><legend>Parcel shop</legend><label><input type="radio" name="shop" value="1"> Kiosk</label></fieldset>
        <input type="hidden" name="__af" value="x"><button type="submit">Send</button></form>
        <img src="/logo.png" alt="Acme"><a href="/help">Help</a>
        <svg role="img" aria-label="On-time rate"><rect width="1" height="1"/></svg>
        </main></body></html>
        """;

    [Fact]
    public void WellFormedPage_HasNoProblems() => Assert.Empty(AccessibilityAudit.Problems(Good, "en"));

    [Theory]
    [InlineData("<html lang=\"en\">", "<html>", "no lang")]
    [InlineData("<label for=\"name\">Name</label>", "", "has no label")]
    [InlineData("<fieldset><legend>Parcel shop</legend>", "<fieldset>", "outside a fieldset with a legend")]
    [InlineData("<button type=\"submit\">Send</button>", "<button type=\"submit\"></button>", "no accessible name")]
    [InlineData("alt=\"Acme\"", "", "has no alt")]
    [InlineData(" aria-label=\"On-time rate\"", "", "neither named")]
    [InlineData("<h1>Order 1001</h1>", "<h1>Order 1001</h1><h1>Again</h1>", "<h1> elements")]
    [InlineData("<main>", "<div>", "no <main>")]
    [InlineData("<a href=\"/help\">", "<a href=\"/help\" tabindex=\"3\" id=\"name\">", "tabindex 3")]
    [InlineData("<a href=\"/help\">", "<a href=\"/help\" id=\"name\">", "used 2 times")]
    public void EachProblem_IsFound(string find, string replace, string expected)
    {
        var problems = AccessibilityAudit.Problems(Good.Replace(find, replace, StringComparison.Ordinal), "en");

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void PageInAnotherLanguageThanItsLang_IsFound() =>
        Assert.Contains(AccessibilityAudit.Problems(Good, "de"), p => p.Contains("where the page is in de", StringComparison.Ordinal));
}
