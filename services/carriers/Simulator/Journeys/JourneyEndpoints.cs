using Microsoft.AspNetCore.Http.HttpResults;

namespace Shipping.Carriers.Simulator.Journeys;

public static class JourneyEndpoints
{
    public static IEndpointRouteBuilder MapJourneys(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/journeys", Start)
            .WithName("StartJourney")
            .WithSummary("Plays a scripted demo journey (on-time, late-estimate, failed-attempt, exception) for a tracking number.");
        return app;
    }

    private static Results<Accepted<StartJourney>, ValidationProblem, ProblemHttpResult> Start(StartJourney request, JourneyPlayer player)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.TrackingNumber))
        {
            errors["trackingNumber"] = ["A tracking number is required."];
        }

        if (request.Scenario is null || !JourneyScenario.All.TryGetValue(request.Scenario, out _))
        {
            errors["scenario"] = [$"Must be one of: {string.Join(", ", JourneyScenario.All.Keys)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return player.Enqueue(request.TrackingNumber!, JourneyScenario.All[request.Scenario!])
            ? TypedResults.Accepted((string?)null, request)
            : TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many journeys are queued");
    }
}

public sealed record StartJourney(string? TrackingNumber, string? Scenario);
