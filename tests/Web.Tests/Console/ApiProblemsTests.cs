using System.Net;
using System.Text;
using Refit;
using Shipping.Web.Console;

namespace Shipping.Web.Tests.Console;

public class ApiProblemsTests
{
    private static async Task<ApiException> Answer(HttpStatusCode status, string? body, string mediaType = "application/problem+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://timeline/api/orders/A-1/notes");
        var response = new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent(body ?? "", Encoding.UTF8, mediaType) };
        return await ApiException.Create(request, HttpMethod.Post, response, new RefitSettings());
    }

    [Fact]
    public async Task ProblemDetails_ReadAsTitleDetailAndEachFieldsMessages()
    {
        var error = await Answer(HttpStatusCode.BadRequest,
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"text":["Required: at most 2000 characters."],"shipmentId":["Not a shipment of this order."]}}""");

        Assert.Equal(
            "Timeline: One or more validation errors occurred. – text: Required: at most 2000 characters.; shipmentId: Not a shipment of this order.",
            ApiProblems.Describe(error, "Timeline"));
    }

    [Fact]
    public async Task ProblemWithADetail_ShowsIt() =>
        Assert.Equal("Notifications: Unknown alert – No alert 1 for this tenant.",
            ApiProblems.Describe(await Answer(HttpStatusCode.NotFound, """{"title":"Unknown alert","status":404,"detail":"No alert 1 for this tenant."}"""), "Notifications"));

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "", "Timeline: Not found")]
    [InlineData(HttpStatusCode.BadGateway, "<html>proxy error</html>", "Timeline: Timeline answered 502")]
    public async Task AnswerWithoutProblemDetails_SaysTheStatus(HttpStatusCode status, string body, string expected) =>
        Assert.Equal(expected, ApiProblems.Describe(await Answer(status, body, "text/html"), "Timeline"));
}
