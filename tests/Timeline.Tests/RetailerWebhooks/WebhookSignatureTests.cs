using Shipping.Timeline.RetailerWebhooks;

namespace Shipping.Timeline.Tests.RetailerWebhooks;

public class WebhookSignatureTests
{
    private const string Body = """{"id":"5b7c1b2e-0000-4000-8000-000000000001","type":"shipment.status_changed"}""";

    // Computed outside .NET: printf '%s' "1795000000.$Body" | openssl dgst -sha256 -hmac whsec_acme_test -hex
    private const string Expected = "sha256=cdc9dac7a99d8945fea76385f2b8ec31d0239cb4af2382e4eeb230a7f07765ca";

    [Fact]
    public void Signature_IsHexHmacSha256_OfTimestampDotBody_KeyedWithTheSecret()
    {
        Assert.Equal(Expected, WebhookSignature.Sign("whsec_acme_test", 1795000000, Body));
    }

    [Fact]
    public void AnotherTimestamp_GivesAnotherSignature_SoAReplayCannotBeRedated()
    {
        Assert.Equal(
            "sha256=9fc8302dbb073f4a3b8b0d56a5e47ea5a420945efdf96b05ead714b3ed2a44ac",
            WebhookSignature.Sign("whsec_acme_test", 1795000001, Body));
    }

    [Fact]
    public void AnotherSecret_GivesAnotherSignature()
    {
        Assert.NotEqual(Expected, WebhookSignature.Sign("whsec_other", 1795000000, Body));
    }
}
