using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipping.Contracts.Api;
using Shipping.Timeline.ReadSide.OrderSummaries;
using Shipping.Timeline.Tenancy;

namespace Shipping.Timeline.ReadSide.Searching;

public static class SearchEndpoint
{
    public const int MaxQueryLength = 254;
    public const int MaxResults = 50;

    /// <summary>
    /// The tenant's summaries holding one search key: containment (<c>search_keys @> array[key]</c>), which the GIN index
    /// over the keys answers. (LINQ's <c>SearchKeys.Contains(key)</c> becomes <c>key = ANY(search_keys)</c>, which no
    /// index can, and reads every summary of the store.) The tenant is compared in a form no index answers, instead of
    /// Marten's own tenant condition: PostgreSQL cannot tell how few summaries hold a key (it assumes 0.5 %), so with an
    /// indexable tenant condition it ANDs the key's index scan with a scan of the tenant's whole primary key (227,000
    /// entries and 48 ms at 1,000,000 orders) rather than checking the tenant of the one or two rows the key finds.
    /// </summary>
    public static IQueryable<OrderSummaryView> Matching(IQuerySession session, string key) =>
        session.Query<OrderSummaryView>()
            .Where(o => o.AnyTenant() && o.MatchesSql("d.search_keys @> ARRAY[?]::text[] and d.tenant_id || '' = ?", key, session.TenantId))
            .Take(MaxResults);

    public static RouteGroupBuilder MapSearch(this RouteGroupBuilder search)
    {
        search.MapGet("/", SearchAsync)
            .WithName("SearchOrders")
            .WithSummary("Orders of the caller's tenant whose number, tracking number, customer email or phone match q exactly once normalised (case, spaces, phone formats).");
        search.MapPost("/", SearchByBodyAsync)
            .WithName("SearchOrdersByBody")
            .WithSummary("The same search with the query in the body ({\"query\": \"…\"}), so emails and phone numbers stay out of URLs and access logs. The support console searches this way.");
        return search;
    }

    private static Task<Results<Ok<OrderSearchResult>, ValidationProblem>> SearchAsync(
        string? q, HttpContext http, IDocumentStore store, CancellationToken ct) => FindAsync(q, "q", http, store, ct);

    private static Task<Results<Ok<OrderSearchResult>, ValidationProblem>> SearchByBodyAsync(
        OrderSearchRequest request, HttpContext http, IDocumentStore store, CancellationToken ct) => FindAsync(request.Query, "query", http, store, ct);

    private static async Task<Results<Ok<OrderSearchResult>, ValidationProblem>> FindAsync(
        string? q, string field, HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > MaxQueryLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [$"Required: an order number, tracking number, email or phone (at most {MaxQueryLength} characters)."] },
                title: "The search is invalid");
        }

        await using var session = store.QuerySession(http.User.TenantId());
        var found = new Dictionary<Guid, OrderSummaryView>();
        foreach (var key in SearchKeys.ForQuery(q))
        {
            var matches = await Matching(session, key).ToListAsync(ct);
            foreach (var match in matches)
            {
                found.TryAdd(match.Id, match);
            }
        }

        var orders = found.Values
            .OrderByDescending(o => o.RegisteredAt)
            .Take(MaxResults)
            .Select(o => o.ToContract())
            .ToList();
        return TypedResults.Ok(new OrderSearchResult(q.Trim(), orders));
    }
}
