using Shipping.ServiceDefaults;

namespace Shipping.Web.Tests;

public class TrackingLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly TrackingLinks _links = new("a-test-key-that-is-long-enough-0123456789");

    [Fact]
    public void SignedLink_GrantsItsTenantAndOrder()
    {
        var token = _links.Create("acme", "1001", Now.AddDays(7));

        var link = _links.Validate(token, Now);

        Assert.Equal(new TrackingLink("acme", "1001", Now.AddDays(7)), link);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
    }

    [Fact]
    public void ExpiredLink_IsRefused() =>
        Assert.Null(_links.Validate(_links.Create("acme", "1001", Now.AddSeconds(-1)), Now));

    [Fact]
    public void LinkSignedWithAnotherKey_IsRefused() =>
        Assert.Null(_links.Validate(new TrackingLinks("another-key-that-is-long-enough-987654321").Create("acme", "1001", Now.AddDays(1)), Now));

    [Fact]
    public void ChangedPayload_IsRefused()
    {
        var token = _links.Create("acme", "1001", Now.AddDays(1));
        var other = _links.Create("globex", "1001", Now.AddDays(1));
        var forged = other.Split('.')[0] + "." + token.Split('.')[1];

        Assert.Null(_links.Validate(forged, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData(".")]
    [InlineData("abc.")]
    [InlineData("!!!.???")]
    public void MalformedToken_IsRefused(string? token) => Assert.Null(_links.Validate(token, Now));

    [Fact]
    public void ShortFormLink_GrantsItsTenantAndOrder_InUnder50Characters()
    {
        var token = _links.CreateShort("acme", "1001", Now.AddDays(60));

        Assert.Equal(new TrackingLink("acme", "1001", Now.AddDays(60)), _links.Validate(token, Now));
        Assert.True(token.Length < 50, $"{token.Length} characters: {token}");
        Assert.True(token.Length < _links.Create("acme", "1001", Now.AddDays(60)).Length / 2 + 5);
        Assert.Null(_links.Validate(_links.CreateShort("acme", "1001", Now.AddSeconds(-1)), Now));
    }

    [Fact]
    public void ShortFormLink_ForgedOrChanged_IsRefused()
    {
        var token = _links.CreateShort("acme", "1001", Now.AddDays(1));
        var other = _links.CreateShort("acme", "1002", Now.AddDays(1));

        Assert.Null(_links.Validate(other.Split('.')[0] + "." + token.Split('.')[1], Now));
        Assert.Null(_links.Validate(new TrackingLinks("another-key-that-is-long-enough-987654321").CreateShort("acme", "1001", Now.AddDays(1)), Now));
        // A long token's signature cut to the short length does not stand for the short form.
        var longToken = _links.Create("acme", "1001", Now.AddDays(1));
        var cut = System.Buffers.Text.Base64Url.EncodeToString(System.Buffers.Text.Base64Url.DecodeFromChars(longToken.Split('.')[1])[..12]);
        Assert.Null(_links.Validate(token.Split('.')[0] + "." + cut, Now));
        Assert.Null(_links.Validate(longToken.Split('.')[0] + "." + cut, Now));
    }

    [Fact]
    public void ShortFormLink_OfAnOrderNumberWithALineFeed_FallsBackToTheLongForm()
    {
        var token = _links.CreateShort("acme", "10\n01", Now.AddDays(1));

        Assert.Equal(new TrackingLink("acme", "10\n01", Now.AddDays(1)), _links.Validate(token, Now));
        Assert.Equal(_links.Create("acme", "10\n01", Now.AddDays(1)), token);
    }

    [Fact]
    public void ShortKey_IsNotAccepted() => Assert.Throws<InvalidOperationException>(() => new TrackingLinks("short"));
}
